import { and, asc, eq, sql } from "drizzle-orm";
import { attendance, evaluations, missions, studies, workshops } from "@/db/schema";
import { getProjectAttendanceTotals } from "@/lib/attendance/use-cases";
import { getEvaluationResults } from "@/lib/evaluations/use-cases";
import { getPmf } from "@/lib/indicators/pmf";
import { listActions } from "@/lib/improvement-actions/use-cases";
import { visibleMissions } from "@/lib/missions/queries";
import { UseCaseError } from "@/lib/result";
import { getStudyReport } from "@/lib/reports/study-report";
import { can } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { projectIdInput } from "@/lib/zod-fields";
import { getProject } from "@/lib/projects/use-cases";
import { getClosingReportOutput } from "./responses";
import { workshopSummaryColumns } from "@/lib/workshops/queries";

/** Runs another use case with the same caller, as part of this one's answer. */
async function part<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: string }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new UseCaseError(settled.error as "forbidden");
  return settled.data;
}

/**
 * Everything the closing report ("bilan") tells: the project, its missions and workshops with
 * their attendance, the baseline findings with the actions taken, the evaluation results with
 * their n, and each indicator's baseline, final target and final actual. Figures only: no participant is named.
 */
export const getClosingReport = defineUseCase({
  name: "projects.closingReport",
  http: { method: "get", path: "/projects/{projectId}/closing-report", response: getClosingReportOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx: UseCaseCtx, input) {
    const ids = { projectId: input.projectId };
    const [{ project }, totals, actions, pmf] = await Promise.all([
      part(getProject(ctx, ids)),
      part(getProjectAttendanceTotals(ctx, ids)),
      part(listActions(ctx, ids)),
      part(getPmf(ctx, ids)),
    ]);
    const [missionRows, workshopRows, studyRows, evaluationRows] = await Promise.all([
      // Missions are the staff's: a partner's report goes without them, field staff's has those they travel on.
      can(ctx.access, "missions.read")
        ? ctx.db
            .select({ id: missions.id, title: missions.title, startDate: missions.startDate, endDate: missions.endDate, status: missions.status })
            .from(missions)
            .where(and(eq(missions.projectId, input.projectId), visibleMissions(ctx)))
            .orderBy(asc(missions.startDate))
        : Promise.resolve([]),
      ctx.db
        .select({
          ...workshopSummaryColumns,
          attendances: sql<number>`(select count(*)::int from ${attendance} a where a.workshop_id = ${workshops}.id)`,
          people: sql<number>`(select count(distinct a.participant_id)::int from ${attendance} a where a.workshop_id = ${workshops}.id)`,
        })
        .from(workshops)
        .where(eq(workshops.projectId, input.projectId))
        .orderBy(asc(workshops.startDate)),
      ctx.db.select({ id: studies.id }).from(studies).where(eq(studies.projectId, input.projectId)).orderBy(asc(studies.periodStart)),
      ctx.db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.projectId, input.projectId)).orderBy(asc(evaluations.periodStart)),
    ]);
    const [studyReports, evaluationResults] = await Promise.all([
      Promise.all(studyRows.map((s) => part(getStudyReport(ctx, { ...ids, studyId: s.id })))),
      Promise.all(evaluationRows.map((e) => part(getEvaluationResults(ctx, { ...ids, evaluationId: e.id })))),
    ]);
    return { project, totals, missions: missionRows, workshops: workshopRows, studies: studyReports, actions, evaluations: evaluationResults, results: pmf.rows };
  },
});

export type ClosingReport = Awaited<ReturnType<typeof getClosingReport>> extends { ok: true; data: infer D } | { ok: false } ? D : never;
