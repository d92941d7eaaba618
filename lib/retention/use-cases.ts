import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { projects, retentionRuns, users } from "@/db/schema";
import { defineUseCase, pageInput, type Page } from "@/lib/use-case";
import { getRetentionOutput, runRetentionNowOutput } from "./responses";
import { listRetention, runRetention, type ProjectRetention } from "./run";

export type RetentionRunRow = { id: string; ranAt: Date; projectCode: string | null; actorName: string | null; isDaily: boolean; peopleCount: number };

/** What an administrator sees: each project's retention and what is due, and the register of runs. */
export const getRetention = defineUseCase({
  name: "retention.overview",
  http: { method: "get", path: "/retention", response: getRetentionOutput },
  access: { kind: "admin" },
  input: z.object({ ...pageInput }),
  write: false,
  async run(ctx, input): Promise<{ today: string; projects: ProjectRetention[]; runs: Page<RetentionRunRow> }> {
    const today = new Date().toISOString().slice(0, 10);
    const [projectRows, items, [total]] = await Promise.all([
      listRetention(ctx.db, today),
      ctx.db
        .select({
          id: retentionRuns.id,
          ranAt: retentionRuns.ranAt,
          projectCode: projects.code,
          actorName: users.name,
          isDaily: sql<boolean>`${retentionRuns.actorId} is null`,
          peopleCount: retentionRuns.peopleCount,
        })
        .from(retentionRuns)
        .leftJoin(projects, eq(projects.id, retentionRuns.projectId))
        .leftJoin(users, eq(users.id, retentionRuns.actorId))
        .orderBy(desc(retentionRuns.ranAt), desc(retentionRuns.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(retentionRuns),
    ]);
    return { today, projects: projectRows, runs: { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize } };
  },
});

/** An administrator runs the retention now instead of waiting for the daily job. */
export const runRetentionNow = defineUseCase({
  name: "retention.run",
  http: { method: "post", path: "/retention/runs", status: 201, input: "query", response: runRetentionNowOutput },
  access: { kind: "admin" },
  input: z.object({}),
  write: true,
  async run(ctx) {
    const outcome = await runRetention(ctx.db, { now: new Date(), actorId: ctx.user.id });
    return { people: outcome.people, projects: outcome.byProject.length };
  },
});
