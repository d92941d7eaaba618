import { sql } from "drizzle-orm";
import { z } from "zod";
import { executeRows } from "@/db/client";
import type { Narrative } from "@/db/schema";
import type { ActionStatus, FindingStatus, FindingTheme, InstitutionKind, InstitutionSector, WorkshopType } from "@/db/schema/values";
import { tallyPeople, workshopsIn } from "@/lib/attendance/totals";
import { pinnedFigures } from "@/lib/evaluations/queries";
import { can } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { blankToUndefined } from "@/lib/zod-fields";
import { getDashboardOutput } from "./responses";
import { today } from "@/lib/today";

export const dashboardInput = z
  .object({
    projectId: z.uuid(),
    /** Workshops starting within the period count; open at either end. */
    from: z.preprocess(blankToUndefined, z.iso.date().optional()),
    to: z.preprocess(blankToUndefined, z.iso.date().optional()),
  })
  .refine((v) => !v.from || !v.to || v.to >= v.from, { message: "endBeforeStart", path: ["to"] });

type Count<K extends string> = { key: K; count: number };

/** Adds up counts under one key, largest first (ties by key), as the bars show them. */
function countBy<T extends { count: number }, K extends string>(items: T[], keyOf: (item: T) => K): Count<K>[] {
  const totals = new Map<K, number>();
  for (const item of items) totals.set(keyOf(item), (totals.get(keyOf(item)) ?? 0) + item.count);
  return [...totals].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// Every count is cast to int in the SQL, which both drivers hand back as a number.
async function rows<T>(ctx: UseCaseCtx, query: ReturnType<typeof sql>): Promise<T[]> {
  return executeRows<T & Record<string, unknown>>(ctx.db, query);
}

/**
 * The project at a glance: workshops held, attendance (each person once) and the share of women,
 * institutions reached by sector and kind and the coordination bodies' members among them,
 * findings by theme and status, actions by status with the overdue ones, and the pinned
 * evaluation figures. A period keeps the workshops that start within it.
 */
export const getDashboard = defineUseCase({
  name: "projects.dashboard",
  http: { method: "get", path: "/projects/{projectId}/dashboard", response: getDashboardOutput },
  access: { kind: "project", permission: "project.read" },
  input: dashboardInput,
  write: false,
  async run(ctx, input) {
    const inPeriod = workshopsIn(input.projectId, input);
    const readsDrafts = can(ctx.access, "findings.readDrafts");
    const [byType, attendance, reached, bodies, findings, actions, pinned] = await Promise.all([
      rows<Count<WorkshopType>>(
        ctx,
        sql`select w.type as key, count(*)::int as count from workshops w where ${inPeriod} and w.status = 'held' group by w.type order by count desc, key`,
      ),
      tallyPeople(ctx, input.projectId, input),
      // Institutions reached, counted by sector and kind together: each found at its first attendance.
      rows<{ sector: InstitutionSector; kind: InstitutionKind; count: number }>(
        ctx,
        sql`select i.sector, i.kind, count(*)::int as count from institutions i
            where exists (select 1 from attendance a join workshops w on w.id = a.workshop_id where a.institution_id = i.id and ${inPeriod})
            group by i.sector, i.kind`,
      ),
      rows<{ id: string; name: string; acronym: string; reached: number; members: number }>(
        ctx,
        sql`select b.id, b.name, b.acronym,
              count(distinct m.institution_id) filter (where exists (
                select 1 from attendance a join workshops w on w.id = a.workshop_id where a.institution_id = m.institution_id and ${inPeriod}))::int as reached,
              count(distinct m.institution_id)::int as members
            from coordination_bodies b join body_memberships m on m.body_id = b.id
              -- Current members, as the directory counts them.
              and m.start_date <= ${today()} and (m.end_date is null or m.end_date >= ${today()})
            join projects pr on pr.id = ${input.projectId} and pr.country = b.country
            group by b.id order by b.name`,
      ),
      // A finding has a usual theme or one of the project's own (projectTheme, named in each language).
      rows<{ theme: FindingTheme | null; projectTheme: Narrative | null; status: FindingStatus; count: number }>(
        ctx,
        sql`select f.theme, pt.name as "projectTheme", f.status, count(*)::int as count
            from findings f join studies s on s.id = f.study_id left join project_themes pt on pt.id = f.project_theme_id
            where s.project_id = ${input.projectId} ${readsDrafts ? sql`` : sql`and f.status <> 'draft'`} group by f.theme, pt.id, f.status`,
      ),
      rows<{ status: ActionStatus; count: number; overdue: number }>(
        ctx,
        sql`select status, count(*)::int as count,
              count(*) filter (where due_date < ${today()} and status not in ('done', 'dropped'))::int as overdue
            from improvement_actions where project_id = ${input.projectId} group by status`,
      ),
      pinnedFigures(ctx, input.projectId),
    ]);
    const institutionsBySector = countBy(reached, (r) => r.sector);
    return {
      workshopsByType: byType,
      workshopsHeld: byType.reduce((n, t) => n + t.count, 0),
      attendance: { attendances: attendance.attendances, participants: attendance.participants, women: attendance.women },
      institutionsBySector,
      institutionsByKind: countBy(reached, (r) => r.kind),
      institutionsReached: institutionsBySector.reduce((n, s) => n + s.count, 0),
      bodies,
      findings,
      actions,
      overdueActions: actions.reduce((n, a) => n + a.overdue, 0),
      pinned,
    };
  },
});
