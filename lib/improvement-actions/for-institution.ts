import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { actionInstitutions, findingInstitutions, findings, improvementActions, projectMembers, studies } from "@/db/schema";
import { can, globalAccess, rolesWith } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { isOverdue } from "./queries";
import { getInstitutionStudyLinksOutput } from "./responses";

/** In the user's own projects only; a partner there does not see drafts. */
function readableIn(ctx: UseCaseCtx, projectId: AnyColumn, draft: SQL | null): SQL | undefined {
  if (can(globalAccess(ctx.user), "project.readAll")) return undefined;
  return sql`exists (select 1 from ${projectMembers} pm where pm.project_id = ${projectId} and pm.user_id = ${ctx.user.id}${draft ? sql` and (${inArray(sql`pm.role`, rolesWith("findings.readDrafts"))} or not ${draft})` : sql``})`;
}

/**
 * From an institution's page: the findings it reported or that concern it, and the improvement
 * actions it is responsible for, in the projects the user belongs to.
 */
export const getInstitutionStudyLinks = defineUseCase({
  name: "institutions.studyLinks",
  http: { method: "get", path: "/institutions/{institutionId}/study-links", response: getInstitutionStudyLinksOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: z.object({ institutionId: z.uuid() }),
  write: false,
  async run(ctx, input) {
    const [linkedFindings, actions] = await Promise.all([
      ctx.db
        .select({ id: findings.id, studyId: findings.studyId, projectId: studies.projectId, title: findings.title, status: findings.status, role: findingInstitutions.role })
        .from(findingInstitutions)
        .innerJoin(findings, eq(findings.id, findingInstitutions.findingId))
        .innerJoin(studies, eq(studies.id, findings.studyId))
        .where(and(eq(findingInstitutions.institutionId, input.institutionId), readableIn(ctx, studies.projectId, sql`${findings.status} = 'draft'`)))
        .orderBy(asc(findingInstitutions.role), asc(findings.createdAt)),
      ctx.db
        .select({
          id: improvementActions.id,
          projectId: improvementActions.projectId,
          title: improvementActions.title,
          status: improvementActions.status,
          progress: improvementActions.progress,
          dueDate: improvementActions.dueDate,
        })
        .from(actionInstitutions)
        .innerJoin(improvementActions, eq(improvementActions.id, actionInstitutions.actionId))
        .where(and(eq(actionInstitutions.institutionId, input.institutionId), readableIn(ctx, improvementActions.projectId, null)))
        .orderBy(sql`${improvementActions.dueDate} asc nulls last`, asc(improvementActions.title)),
    ]);
    return { findings: linkedFindings, actions: actions.map((a) => ({ ...a, overdue: isOverdue(a) })) };
  },
});
