import { asc } from "drizzle-orm";
import { z } from "zod";
import { projects } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { getPmf, type Pmf } from "@/lib/indicators/pmf";
import { today } from "@/lib/today";
import { getDashboard } from "./dashboard";
import { getPortfolioOutput } from "./responses";

/**
 * The indicators behind their target in the project's current period (the last one begun by
 * `day`), each with that period's target and actual.
 */
function behindTarget(pmf: Pmf, day: string) {
  const current = pmf.periods.filter((p) => p.startDate <= day).at(-1);
  if (!current) return [];
  return pmf.rows.flatMap(({ indicator, cells }) => {
    const cell = cells.find((c) => c.periodId === current.id)!;
    return cell.status === "behind"
      ? [{ code: indicator.code, statement: indicator.statement, unit: indicator.unit, period: current.name, target: cell.target!, actual: cell.actual! }]
      : [];
  });
}

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
        const [dashboard, pmf] = await Promise.all([getDashboard(ctx, { projectId: project.id }), getPmf(ctx, { projectId: project.id })]);
        if (!dashboard.ok) throw new UseCaseError(dashboard.error);
        if (!pmf.ok) throw new UseCaseError(pmf.error);
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
          indicators: pmf.data.rows.length,
          behind: behindTarget(pmf.data, today()),
        };
      }),
    );
  },
});
