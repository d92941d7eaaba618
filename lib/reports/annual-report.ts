import { z } from "zod";
import { getPmf } from "@/lib/indicators/pmf";
import { linkedToResult } from "@/lib/logic-model/linked-to-result";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { getAnnualReportOutput } from "./responses";

export const annualReportInput = z.object({ projectId: z.uuid(), periodId: z.uuid() });

/** Whether something that ran from `start` to `end` (one day when no end) touched the period. */
const within = (period: { startDate: string; endDate: string }, start: string | null, end: string | null) =>
  start !== null && start <= period.endDate && (end ?? start) >= period.startDate;

/**
 * The annual progress report for one reporting period: each indicator's target, actual and % of
 * target in that period, then, per output, the workshops and missions of the period linked to it
 * and the improvement actions that serve it. Figures and titles only: no participant is named.
 */
export const getAnnualReport = defineUseCase({
  name: "projects.annualReport",
  http: { method: "get", path: "/projects/{projectId}/annual-report", response: getAnnualReportOutput },
  access: { kind: "project", permission: "project.read" },
  input: annualReportInput,
  write: false,
  async run(ctx, input) {
    const settled = await getPmf(ctx, { projectId: input.projectId, periodId: input.periodId });
    if (!settled.ok) throw new UseCaseError(settled.error);
    const pmf = settled.data;
    const period = pmf.periods[0];
    if (!period) throw new UseCaseError("invalid", { periodId: { key: "notProjectPeriod" } });
    const outputs = await Promise.all(
      pmf.results
        .filter((r) => r.level === "output")
        .map(async (result) => {
          const linked = await linkedToResult(ctx, input.projectId, result.id);
          return {
            result,
            workshops: linked.workshops.filter((w) => within(period, w.startDate, w.endDate)),
            missions: linked.missions.filter((m) => within(period, m.startDate, m.endDate)),
            actions: linked.actions,
          };
        }),
    );
    return { project: pmf.project, period, rows: pmf.rows, outputs };
  },
});

export type AnnualReport = Extract<Awaited<ReturnType<typeof getAnnualReport>>, { ok: true }>["data"];
