import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  actionFindings,
  actionInstitutions,
  findingInstitutions,
  findings,
  findingSources,
  findingWorkshops,
  improvementActions,
  institutions,
  projectThemes,
  reviewAnswersTable,
  studySources,
  users,
  workshops,
} from "@/db/schema";
import type { ReviewAnswer } from "@/db/schema/values";
import { nameSeenBy } from "@/lib/authz";
import { isOverdue } from "@/lib/improvement-actions/queries";
import { can } from "@/lib/policy";
import { defineUseCase } from "@/lib/use-case";
import { studyIdInput } from "@/lib/studies/schemas";
import { loadStudy } from "@/lib/studies/queries";
import { getStudyReportOutput, studyExportOutput } from "./responses";

/**
 * Everything a study's export holds: its findings with their evidence, the outcome of partner
 * review (counts of answers, no names), and the actions that answer them.
 */
export const getStudyReport = defineUseCase({
  name: "studies.report",
  http: [
    { method: "get", path: "/projects/{projectId}/studies/{studyId}/report", response: getStudyReportOutput },
    { method: "get", path: "/projects/{projectId}/studies/{studyId}/export", response: studyExportOutput },
  ],
  access: { kind: "project", permission: "project.read" },
  input: studyIdInput,
  write: false,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const rows = await ctx.db
      .select({
        id: findings.id,
        theme: findings.theme,
        projectThemeName: projectThemes.name,
        title: findings.title,
        description: findings.description,
        priority: findings.priority,
        status: findings.status,
      })
      .from(findings)
      .leftJoin(projectThemes, eq(projectThemes.id, findings.projectThemeId))
      .where(and(eq(findings.studyId, study.id), can(ctx.access, "findings.readDrafts") ? undefined : ne(findings.status, "draft")))
      .orderBy(sql`case ${findings.priority} when 'high' then 0 when 'medium' then 1 else 2 end`, asc(findings.createdAt));
    const ids = rows.map((r) => r.id);
    const none = ids.length === 0;
    const [evidenceWorkshops, evidenceSources, evidenceInstitutions, answers, actions] = none
      ? [[], [], [], [], []]
      : await Promise.all([
          ctx.db
            .select({ findingId: findingWorkshops.findingId, title: workshops.title, day: findingWorkshops.day })
            .from(findingWorkshops)
            .innerJoin(workshops, eq(workshops.id, findingWorkshops.workshopId))
            .where(inArray(findingWorkshops.findingId, ids))
            .orderBy(asc(workshops.startDate)),
          ctx.db
            .select({ findingId: findingSources.findingId, title: studySources.title })
            .from(findingSources)
            .innerJoin(studySources, eq(studySources.id, findingSources.sourceId))
            .where(inArray(findingSources.findingId, ids))
            .orderBy(asc(studySources.title)),
          ctx.db
            .select({ findingId: findingInstitutions.findingId, role: findingInstitutions.role, name: institutions.name })
            .from(findingInstitutions)
            .innerJoin(institutions, eq(institutions.id, findingInstitutions.institutionId))
            .where(inArray(findingInstitutions.findingId, ids))
            .orderBy(asc(institutions.name)),
          ctx.db
            .select({ findingId: reviewAnswersTable.findingId, answer: reviewAnswersTable.answer, n: sql<number>`count(*)::int` })
            .from(reviewAnswersTable)
            .where(inArray(reviewAnswersTable.findingId, ids))
            .groupBy(reviewAnswersTable.findingId, reviewAnswersTable.answer),
          ctx.db
            .selectDistinct({
              id: improvementActions.id,
              title: improvementActions.title,
              status: improvementActions.status,
              progress: improvementActions.progress,
              dueDate: improvementActions.dueDate,
              ownerName: nameSeenBy(ctx, improvementActions.projectId, improvementActions.ownerId, users.name),
            })
            .from(improvementActions)
            .innerJoin(actionFindings, eq(actionFindings.actionId, improvementActions.id))
            .leftJoin(users, eq(users.id, improvementActions.ownerId))
            .where(inArray(actionFindings.findingId, ids))
            .orderBy(sql`${improvementActions.dueDate} asc nulls last`, asc(improvementActions.title)),
        ]);
    const actionIds = actions.map((a) => a.id);
    const [answered, responsible] = actionIds.length
      ? await Promise.all([
          ctx.db.select().from(actionFindings).where(inArray(actionFindings.actionId, actionIds)),
          ctx.db
            .select({ actionId: actionInstitutions.actionId, name: institutions.name })
            .from(actionInstitutions)
            .innerJoin(institutions, eq(institutions.id, actionInstitutions.institutionId))
            .where(inArray(actionInstitutions.actionId, actionIds))
            .orderBy(asc(institutions.name)),
        ])
      : [[], []];
    return {
      study,
      findings: rows.map((f) => ({
        ...f,
        workshops: evidenceWorkshops.filter((w) => w.findingId === f.id),
        sources: evidenceSources.filter((s) => s.findingId === f.id).map((s) => s.title),
        reportedBy: evidenceInstitutions.filter((i) => i.findingId === f.id && i.role === "reported").map((i) => i.name),
        concerned: evidenceInstitutions.filter((i) => i.findingId === f.id && i.role === "concerned").map((i) => i.name),
        review: Object.fromEntries(answers.filter((a) => a.findingId === f.id).map((a) => [a.answer, a.n])) as Partial<Record<ReviewAnswer, number>>,
        actions: answered.filter((a) => a.findingId === f.id).map((a) => actions.find((x) => x.id === a.actionId)!.title),
      })),
      actions: actions.map((a) => ({
        ...a,
        overdue: isOverdue(a),
        findingIds: answered.filter((x) => x.actionId === a.id && ids.includes(x.findingId)).map((x) => x.findingId),
        institutions: responsible.filter((r) => r.actionId === a.id).map((r) => r.name),
      })),
    };
  },
});

export type StudyReport = Awaited<ReturnType<typeof getStudyReport>> extends { ok: true; data: infer D } | { ok: false } ? D : never;
