import "server-only";
import { getLocale } from "next-intl/server";
import type { Option } from "@/components/ui/field";
import { listFindings } from "@/lib/findings/use-cases";
import { listPeriods } from "@/lib/indicators/use-cases";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";
import { getStudy, listStudies } from "@/lib/studies/use-cases";
import { listWorkshops } from "@/lib/workshops/use-cases";

/** What the indicator form offers: the project's results, its periods, and the findings, workshops and sources a baseline may cite. */
export async function indicatorFormOptions(ctx: Ctx, projectId: string) {
  const locale = await getLocale();
  const [{ results }, { items: periods }, studies, workshops] = await Promise.all([
    getLogicModel(ctx, { projectId }).then(unwrapForPage),
    listPeriods(ctx, { projectId }).then(unwrapForPage),
    listStudies(ctx, { projectId }).then(unwrapForPage),
    listWorkshops(ctx, { projectId, pageSize: 100, sort: "startDate", dir: "asc" }).then(unwrapForPage),
  ]);
  const perStudy = await Promise.all(
    studies.map(async (s) => ({
      findings: unwrapForPage(await listFindings(ctx, { projectId, studyId: s.id })),
      study: unwrapForPage(await getStudy(ctx, { projectId, studyId: s.id })),
    })),
  );
  return {
    results: results.map((r): Option => ({ value: r.id, label: `${r.code} — ${narrativeFor(r.statement, locale).text}` })),
    periods,
    evidence: {
      findings: perStudy.flatMap((s) => s.findings.map((f): Option => ({ value: f.id, label: narrativeFor(f.title, locale).text }))),
      workshops: workshops.items.map((w): Option => ({ value: w.id, label: `${w.title} (${w.startDate})` })),
      sources: perStudy.flatMap((s) => s.study.sources.map((src): Option => ({ value: src.id, label: src.title }))),
    },
  };
}
