import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { NarrativeText } from "@/components/narrative-text";
import { ButtonLink } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { Disaggregation, IndicatorUnit } from "@/db/schema/values";
import { calendarDate } from "@/lib/i18n/dates";
import { getIndicator } from "@/lib/indicators/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import type { Actual } from "@/lib/indicators/calculations/calculation";
import { actualFor } from "@/lib/indicators/actuals";
import { groupOf, groupValues, orderedGroups } from "@/lib/indicators/groups";
import { progressOf } from "@/lib/indicators/progress";
import { CalculationWords } from "../_components/calculation-words";
import { DeleteIndicator } from "../_components/delete-indicator";
import { IndicatorChart } from "../_components/indicator-chart";
import { ProgressMark } from "../_components/progress-mark";
import { ReportValueForm } from "../_components/report-value-form";
import { ReviewValue } from "../_components/review-value";

/** The history names a changed field by its label on the form. */
const fieldKeys = {
  resultId: "result",
  code: "code",
  statement: "statement",
  definition: "definition",
  unit: "unit",
  disaggregations: "disaggregations",
  dataSources: "dataSources",
  collectionMethods: "collectionMethods",
  frequency: "frequency",
  responsibility: "responsibility",
  dataQualityNotes: "dataQualityNotes",
  baselineValue: "baselineValue",
  baselineDate: "baselineDate",
  baselineNote: "baselineNote",
  endTarget: "endTarget",
  calculation: "calculation",
  targets: "targets",
  evidence: "evidence",
} as const;

/** An indicator as the PMF gives it: what it measures and how, its baseline and evidence, its targets per period, its history. */
export default async function IndicatorPage({ params }: { params: Promise<{ projectId: string; indicatorId: string }> }) {
  const { projectId, indicatorId } = await params;
  const ctx = await getPageContext();
  const { indicator, result, targets, evidence, computed, reported, history, canEdit, canSubmit, canApprove } = unwrapForPage(await getIndicator(ctx, { projectId, indicatorId }));
  const [t, tCalculations, tParticipants, tInstitutions, format] = await Promise.all([
    getTranslations("indicators"),
    getTranslations("calculations"),
    getTranslations("participants"),
    getTranslations("institutions"),
    getFormatter(),
  ]);
  const groupLabel = (group: string) => {
    const [d, v = ""] = group.split(":") as [Disaggregation, string?];
    const value =
      d === "sex"
        ? tParticipants(`sexes.${v as "woman"}`)
        : d === "sector"
          ? tInstitutions(`sectors.${v as "state"}`)
          : d === "institution_kind"
            ? tInstitutions(`kinds.${v as "ministry"}`)
            : v;
    return t("groupLabel", { disaggregation: t(`disaggregationNames.${d}`), group: v === "none" ? t("notRecorded") : value });
  };
  const base = `/projects/${projectId}`;
  const figure = (value: number | null, unit: IndicatorUnit = indicator.unit) => {
    if (value === null) return "—";
    if (unit === "yes_no") return value === 1 ? t("yes") : t("no");
    if (unit === "percentage") return format.number(value / 100, { style: "percent", maximumFractionDigits: 1 });
    return format.number(value);
  };
  /** A computed figure with the n behind it, or why there is none. */
  const actualText = (actual: Actual | null) => {
    if (!actual) return "—";
    if (actual.withheld) return tCalculations(`withheld.${actual.withheld}`);
    if (actual.value === null) return "—";
    const n =
      actual.part === undefined ? tCalculations("n", { n: format.number(actual.n) }) : tCalculations("shareOf", { part: format.number(actual.part), n: format.number(actual.n) });
    return `${figure(actual.value)} (${n})`;
  };
  const actualGroups = (actual: Actual | null) =>
    actual &&
    orderedGroups(actual.groups, indicator.disaggregations).map(([group, value]) => (
      <span key={group} className="block text-slate-700">
        {groupLabel(group)} · {figure(value)}
      </span>
    ));
  /** The figure that counts in a period, and, when a reported value overrides a computed one, both. */
  const actualCell = (periodId: string) => {
    const actual = actualFor(periodId, computed, reported);
    if (actual.source === "reported") {
      return (
        <>
          {figure(actual.value)} <span className="text-slate-700">({t("reportedFigure")})</span>
          {actual.computed && (
            <span className="block text-slate-700">
              {t("computedFigure")}: {actualText(actual.computed)}
            </span>
          )}
          {orderedGroups(actual.groups, indicator.disaggregations).map(([group, value]) => (
            <span key={group} className="block text-slate-700">
              {groupLabel(group)} · {figure(value)}
            </span>
          ))}
        </>
      );
    }
    return (
      <>
        {actualText(actual.computed)}
        {actualGroups(actual.computed)}
      </>
    );
  };
  const periodName = new Map(targets.map((p) => [p.periodId, p.name]));
  const historyAction = (action: string) =>
    ({
      "indicators.create": t("actions.create"),
      "indicatorValues.submit": t("actions.valueSubmit"),
      "indicatorValues.approve": t("actions.valueApprove"),
      "indicatorValues.sendBack": t("actions.valueSendBack"),
    })[action] ?? t("actions.update");
  const disaggregationGroups = indicator.disaggregations.flatMap((d) =>
    d === "country" ? [] : groupValues[d].map((v) => ({ key: groupOf(d, v), label: groupLabel(groupOf(d, v)) })),
  );
  const date = (d: string | null) => (d ? format.dateTime(calendarDate(d), { dateStyle: "medium" }) : "—");
  const text = (value: string) => value || "—";
  const label = (field: string) => (field in fieldKeys ? t(fieldKeys[field as keyof typeof fieldKeys]) : field);
  const evidenceLinks = [
    ...evidence.findings.map((f) => ({ key: f.id, href: `${base}/studies/${f.studyId}/findings/${f.id}`, label: <NarrativeText text={f.title} as="title" /> })),
    ...evidence.workshops.map((w) => ({ key: w.id, href: `${base}/workshops/${w.id}`, label: `${w.title} (${date(w.startDate)})` })),
    ...evidence.sources.map((s) => ({ key: s.id, href: `${base}/studies/${s.studyId}`, label: s.title })),
  ];
  return (
    <PageMessages namespaces={["indicators"]}>
      <PageHeader
        title={
          <>
            <span className="font-mono">{indicator.code}</span> · <NarrativeText text={indicator.statement} as="title" />
          </>
        }
        actions={
          canEdit && (
            <div className="flex flex-wrap gap-2">
              <ButtonLink href={`${base}/indicators/${indicator.id}/edit`}>{t("edit")}</ButtonLink>
              <DeleteIndicator projectId={projectId} indicatorId={indicator.id} resultId={result.id} code={indicator.code} />
            </div>
          )
        }
      />
      <section aria-labelledby="indicator-facts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="indicator-facts" className="sr-only">
          {t("statement")}
        </h2>
        <FactList
          className="mb-4"
          facts={[
            {
              label: t("result"),
              value: (
                <Link href={`${base}/logic-model/${result.id}`} className="underline">
                  <span className="font-mono">{result.code}</span> <NarrativeText text={result.statement} as="title" />
                </Link>
              ),
            },
            { label: t("unit"), value: t(`units.${indicator.unit}`) },
            { label: t("disaggregations"), value: indicator.disaggregations.map((d) => t(`disaggregationNames.${d}`)).join(", ") || "—" },
            { label: t("frequency"), value: t(`frequencies.${indicator.frequency}`) },
            { label: t("dataSources"), value: text(indicator.dataSources) },
            { label: t("collectionMethods"), value: text(indicator.collectionMethods) },
            { label: t("responsibility"), value: text(indicator.responsibility) },
            { label: t("dataQualityNotes"), value: text(indicator.dataQualityNotes) },
          ]}
        />
        {indicator.definition && (
          <>
            <h3 className="mb-1 text-sm text-slate-600">{t("definition")}</h3>
            <NarrativeText text={indicator.definition} />
          </>
        )}
      </section>

      <section aria-labelledby="indicator-baseline" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="indicator-baseline" className="mb-3 text-lg font-semibold">
          {t("baseline")}
        </h2>
        <FactList
          className="mb-3"
          facts={[
            { label: t("baselineValue"), value: figure(indicator.baselineValue) },
            { label: t("baselineDate"), value: date(indicator.baselineDate) },
            { label: t("baselineNote"), value: text(indicator.baselineNote) },
          ]}
        />
        <h3 className="mb-1 font-semibold">{t("evidence")}</h3>
        {evidenceLinks.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noEvidence")}</p>
        ) : (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {evidenceLinks.map((e) => (
              <li key={e.key}>
                <Link href={e.href} className="underline">
                  {e.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="indicator-targets" className="mb-6">
        <h2 id="indicator-targets" className="mb-2 text-lg font-semibold">
          {t("targetsAndActuals")}
        </h2>
        {computed ? (
          <div className="mb-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <h3 className="font-semibold">{tCalculations("howComputed")}</h3>
            <CalculationWords wording={computed.wording} period={null} />
          </div>
        ) : (
          <p className="mb-3 text-sm text-slate-700">{tCalculations("reported")}</p>
        )}
        {targets.length === 0 && <p className="mb-2 text-sm text-slate-700">{t("noPeriods")}</p>}
        {targets.length > 0 && (
          <IndicatorChart
            percent={indicator.unit === "percentage"}
            points={targets.map((p) => ({ period: p.name, target: p.value, actual: actualFor(p.periodId, computed, reported).value }))}
          />
        )}
        <Table caption={t("targetsAndActuals")}>
          <thead>
            <tr>
              <Th>{t("period")}</Th>
              <Th>{t("target")}</Th>
              <Th>{tCalculations("actual")}</Th>
              <Th>{tCalculations("percentOfTarget")}</Th>
            </tr>
          </thead>
          <tbody>
            {targets.map((p) => {
              const actual = actualFor(p.periodId, computed, reported);
              return (
                <tr key={p.periodId}>
                  <Td>
                    {p.name} <span className="text-slate-600">({format.dateTimeRange(calendarDate(p.startDate), calendarDate(p.endDate), { dateStyle: "medium" })})</span>
                  </Td>
                  <Td>
                    {figure(p.value)}
                    {p.groups.map((g) => (
                      <span key={g.group} className="block text-slate-700">
                        {groupLabel(g.group)} · {figure(g.value)}
                      </span>
                    ))}
                  </Td>
                  <Td>{actualCell(p.periodId)}</Td>
                  <Td>
                    <ProgressMark {...progressOf(p.value, actual.value)} />
                  </Td>
                </tr>
              );
            })}
            <tr>
              <Td>{t("endTarget")}</Td>
              <Td>{figure(indicator.endTarget)}</Td>
              <Td>
                {actualText(computed?.project ?? null)}
                {actualGroups(computed?.project ?? null)}
              </Td>
              <Td>
                <ProgressMark {...progressOf(indicator.endTarget, computed?.project.value ?? null)} />
              </Td>
            </tr>
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="indicator-values" className="mb-6">
        <h2 id="indicator-values" className="mb-2 text-lg font-semibold">
          {t("reportedValues")}
        </h2>
        {reported.length === 0 && <p className="mb-2 text-sm text-slate-700">{t("noReportedValues")}</p>}
        <ul className="mb-3 flex flex-col gap-2">
          {reported.map((v) => (
            <li key={v.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p className="font-medium">
                {periodName.get(v.periodId)} · {figure(v.value)} · <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t(`statuses.${v.status}`)}</span>
              </p>
              {orderedGroups(v.groups, indicator.disaggregations).map(([group, value]) => (
                <span key={group} className="block text-slate-700">
                  {groupLabel(group)} · {figure(value)}
                </span>
              ))}
              {v.comment && <p className="mt-1 whitespace-pre-line">{v.comment}</p>}
              {v.evidenceUrl && (
                <a href={v.evidenceUrl} className="block underline" rel="noopener noreferrer nofollow" target="_blank">
                  {t("evidenceLink")}
                </a>
              )}
              {v.fileName && (
                <a href={`/api/v1/projects/${projectId}/indicators/${indicator.id}/values/${v.id}/file`} className="block underline">
                  {t("evidenceDownload", { name: v.fileName })}
                </a>
              )}
              {v.submittedById && (
                <p className="text-slate-600">{t("submittedBy", { name: v.submittedByName ?? t("someone"), date: format.dateTime(v.submittedAt, { dateStyle: "medium" }) })}</p>
              )}
              {v.reviewedAt && (
                <p className="text-slate-600">{t("reviewedBy", { name: v.reviewedByName ?? t("someone"), date: format.dateTime(v.reviewedAt, { dateStyle: "medium" }) })}</p>
              )}
              {v.reviewComment && <p className="whitespace-pre-line text-slate-700">{v.reviewComment}</p>}
              {canApprove && v.status !== "sent_back" && (
                <ReviewValue projectId={projectId} indicatorId={indicator.id} valueId={v.id} version={v.version} approvable={v.status === "submitted"} />
              )}
            </li>
          ))}
        </ul>
        {canSubmit && targets.length > 0 && (
          <ReportValueForm projectId={projectId} indicatorId={indicator.id} periods={targets.map((p) => ({ id: p.periodId, name: p.name }))} groups={disaggregationGroups} />
        )}
      </section>

      <section aria-labelledby="indicator-history" className="mb-6">
        <h2 id="indicator-history" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        {history.length === 0 && <p className="text-sm text-slate-700">{t("noHistory")}</p>}
        <ol className="flex flex-col gap-2">
          {history.map((h) => (
            <li key={h.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <span className="font-medium">{t("historyEntry", { action: historyAction(h.action), actor: h.actorName ?? t("someone") })}</span>{" "}
              <time dateTime={h.at.toISOString()} className="text-slate-600">
                {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {h.action === "indicators.update" && <p className="text-slate-700">{t("changed", { fields: Object.keys(h.changes).map(label).join(", ") })}</p>}
            </li>
          ))}
        </ol>
      </section>
    </PageMessages>
  );
}
