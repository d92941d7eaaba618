import "server-only";
import { getLocale } from "next-intl/server";
import { resultOptions } from "@/components/logic-model/result-options";
import type { Option } from "@/components/ui/field";
import { narrativeFor } from "@/lib/narrative";
import { listFindings } from "@/lib/findings/use-cases";
import { listMembers } from "@/lib/members/use-cases";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";
import { listStudies } from "@/lib/studies/use-cases";

/** What the action form offers: every finding of the project's studies, its users as owners, its outputs. */
export async function actionFormOptions(ctx: Ctx, projectId: string) {
  const locale = await getLocale();
  const [studies, members, outputs] = await Promise.all([
    listStudies(ctx, { projectId }).then(unwrapForPage),
    listMembers(ctx, { projectId }).then(unwrapForPage),
    resultOptions(ctx, projectId, "outputs"),
  ]);
  const perStudy = await Promise.all(studies.map((s) => listFindings(ctx, { projectId, studyId: s.id }).then(unwrapForPage)));
  return {
    findings: perStudy.flat().map((f): Option => ({ value: f.id, label: narrativeFor(f.title, locale).text })),
    // Only a partner reads a member without a name, and partners do not edit actions.
    owners: members.flatMap((m): Option[] => (m.isActive && m.name !== null ? [{ value: m.userId, label: m.name }] : [])),
    outputs,
  };
}
