import { sql } from "drizzle-orm";
import { z } from "zod";
import { executeRows } from "@/db/client";
import type { ActionStatus, FindingStatus, FindingTheme, InstitutionKind, InstitutionSector, WorkshopType } from "@/db/schema/values";
import { getProjectAttendanceTotals } from "@/lib/attendance/totals";
import { listEvaluations, getEvaluationResults } from "@/lib/evaluations/service";
import type { Figure } from "@/lib/evaluations/results";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import type { Narrative } from "@/db/schema";

const today = () => new Date().toISOString().slice(0, 10);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const dashboardInput = z
  .object({
    projectId: z.uuid(),
    /** Workshops starting within the period count; open at either end. */
    from: z.preprocess(blankToUndefined, z.iso.date().optional()),
    to: z.preprocess(blankToUndefined, z.iso.date().optional()),
  })
  .refine((v) => !v.from || !v.to || v.to >= v.from, { message: "endBeforeStart", path: ["to"] });

type Count<K extends string> = { key: K; count: number };
export type PinnedFigure = { evaluationId: string; evaluationTitle: string; statement: Narrative; group: Narrative | null; figure: Figure };

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
  access: { kind: "project", roles: ["manager", "field", "partner"] },
  input: dashboardInput,
  write: false,
  async run(ctx, input) {
    const inPeriod = sql`w.project_id = ${input.projectId}
      ${input.from ? sql`and w.start_date >= ${input.from}` : sql``}
      ${input.to ? sql`and w.start_date <= ${input.to}` : sql``}`;
    const filtered = Boolean(input.from || input.to);
    const partner = ctx.access === "partner";
    const [byType, attendance, bySector, byKind, bodies, findings, actions, evaluations] = await Promise.all([
      rows<Count<WorkshopType>>(ctx, sql`select w.type as key, count(*)::int as count from workshops w where ${inPeriod} and w.status = 'held' group by w.type order by count desc, key`),
      // Without a period, the per-project tally of people answers at once; with one, the records do.
      filtered
        ? rows<{ attendances: number; participants: number; women: number }>(
            ctx,
            sql`select count(*)::int as attendances, count(distinct a.participant_id)::int as participants,
                  count(distinct a.participant_id) filter (where p.sex = 'woman')::int as women
                from attendance a join workshops w on w.id = a.workshop_id join participants p on p.id = a.participant_id where ${inPeriod}`,
          ).then((r) => r[0]!)
        : getProjectAttendanceTotals(ctx, { projectId: input.projectId }).then((r) => {
            if (!r.ok) throw new UseCaseError(r.error);
            return { attendances: r.data.attendances, participants: r.data.participants, women: r.data.women };
          }),
      rows<Count<InstitutionSector>>(
        ctx,
        sql`select i.sector as key, count(*)::int as count from institutions i
            where exists (select 1 from attendance a join workshops w on w.id = a.workshop_id where a.institution_id = i.id and ${inPeriod})
            group by i.sector order by count desc, key`,
      ),
      rows<Count<InstitutionKind>>(
        ctx,
        sql`select i.kind as key, count(*)::int as count from institutions i
            where exists (select 1 from attendance a join workshops w on w.id = a.workshop_id where a.institution_id = i.id and ${inPeriod})
            group by i.kind order by count desc, key`,
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
      rows<{ theme: FindingTheme | null; status: FindingStatus; count: number }>(
        ctx,
        sql`select f.theme, f.status, count(*)::int as count from findings f join studies s on s.id = f.study_id
            where s.project_id = ${input.projectId} ${partner ? sql`and f.status <> 'draft'` : sql``} group by f.theme, f.status`,
      ),
      rows<{ status: ActionStatus; count: number; overdue: number }>(
        ctx,
        sql`select status, count(*)::int as count,
              count(*) filter (where due_date < ${today()} and status not in ('done', 'dropped'))::int as overdue
            from improvement_actions where project_id = ${input.projectId} group by status`,
      ),
      listEvaluations(ctx, { projectId: input.projectId }),
    ]);
    if (!evaluations.ok) throw new UseCaseError(evaluations.error);
    const pinned: PinnedFigure[] = [];
    for (const e of evaluations.data) {
      const result = await getEvaluationResults(ctx, { projectId: input.projectId, evaluationId: e.id });
      if (!result.ok) throw new UseCaseError(result.error);
      for (const r of result.data.results.filter((x) => x.pinned)) {
        const group = r.pinnedGroupId ? result.data.groups.find((g) => g.id === r.pinnedGroupId) : null;
        const figure = group ? r.groups.find((g) => g.groupId === group.id)!.figure : r.overall;
        pinned.push({ evaluationId: e.id, evaluationTitle: e.title, statement: r.text, group: group?.name ?? null, figure });
      }
    }
    return {
      workshopsByType: byType,
      workshopsHeld: byType.reduce((n, t) => n + t.count, 0),
      attendance,
      institutionsBySector: bySector,
      institutionsByKind: byKind,
      institutionsReached: bySector.reduce((n, s) => n + s.count, 0),
      bodies,
      findings,
      actions,
      overdueActions: actions.reduce((n, a) => n + a.overdue, 0),
      pinned,
    };
  },
});
