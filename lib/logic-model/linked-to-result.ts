import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { findings, improvementActions, missions, resultLinks, studies, workshops } from "@/db/schema";
import { visibleFindings } from "@/lib/findings/queries";
import { visibleMissions } from "@/lib/missions/queries";
import { can } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * What is linked to a result, as the reader may see it: missions only for those who read them (field
 * staff, the ones they travel on), findings without drafts for partners.
 */
export async function linkedToResult(ctx: UseCaseCtx, projectId: string, resultId: string) {
  const [linkedWorkshops, linkedMissions, linkedActions, linkedFindings] = await Promise.all([
    ctx.db
      .select({
        id: workshops.id,
        title: workshops.title,
        type: workshops.type,
        city: workshops.city,
        startDate: workshops.startDate,
        endDate: workshops.endDate,
        status: workshops.status,
      })
      .from(resultLinks)
      .innerJoin(workshops, eq(workshops.id, resultLinks.workshopId))
      .where(and(eq(resultLinks.resultId, resultId), eq(workshops.projectId, projectId)))
      .orderBy(asc(workshops.startDate), asc(workshops.title)),
    can(ctx.access, "missions.read")
      ? ctx.db
          .select({ id: missions.id, title: missions.title, startDate: missions.startDate, endDate: missions.endDate, status: missions.status })
          .from(resultLinks)
          .innerJoin(missions, eq(missions.id, resultLinks.missionId))
          .where(and(eq(resultLinks.resultId, resultId), eq(missions.projectId, projectId), visibleMissions(ctx)))
          .orderBy(asc(missions.startDate))
      : Promise.resolve([]),
    ctx.db
      .select({ id: improvementActions.id, title: improvementActions.title, status: improvementActions.status, dueDate: improvementActions.dueDate })
      .from(resultLinks)
      .innerJoin(improvementActions, eq(improvementActions.id, resultLinks.actionId))
      .where(and(eq(resultLinks.resultId, resultId), eq(improvementActions.projectId, projectId)))
      .orderBy(asc(improvementActions.title)),
    ctx.db
      .select({ id: findings.id, studyId: findings.studyId, title: findings.title, status: findings.status })
      .from(resultLinks)
      .innerJoin(findings, eq(findings.id, resultLinks.findingId))
      .innerJoin(studies, eq(studies.id, findings.studyId))
      .where(and(eq(resultLinks.resultId, resultId), eq(studies.projectId, projectId), visibleFindings(ctx)))
      .orderBy(asc(findings.createdAt)),
  ]);
  return { workshops: linkedWorkshops, missions: linkedMissions, actions: linkedActions, findings: linkedFindings };
}
