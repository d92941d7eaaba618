import { asc } from "drizzle-orm";
import { z } from "zod";
import { projects } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { getDashboard } from "./dashboard";
import { getPortfolioOutput } from "./responses";

/** Every project side by side with its headline figures, for the administrator. */
export const getPortfolio = defineUseCase({
  name: "projects.portfolio",
  http: { method: "get", path: "/portfolio", response: getPortfolioOutput },
  access: { kind: "admin" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const all = await ctx.db
      .select({ id: projects.id, code: projects.code, name: projects.name, country: projects.country, status: projects.status })
      .from(projects)
      .orderBy(asc(projects.code));
    return Promise.all(
      all.map(async (project) => {
        const dashboard = await getDashboard(ctx, { projectId: project.id });
        if (!dashboard.ok) throw new UseCaseError(dashboard.error);
        const d = dashboard.data;
        return {
          ...project,
          workshopsHeld: d.workshopsHeld,
          participants: d.attendance.participants,
          women: d.attendance.women,
          institutions: d.institutionsReached,
          findings: d.findings.reduce((n, f) => n + f.count, 0),
          actions: d.actions.reduce((n, a) => n + a.count, 0),
          overdueActions: d.overdueActions,
          pinned: d.pinned,
        };
      }),
    );
  },
});
