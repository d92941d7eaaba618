import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NarrativeText } from "@/components/narrative-text";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDate } from "@/lib/i18n/dates";
import { listIndicators } from "@/lib/indicators/use-cases";
import { getResult } from "@/lib/logic-model/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** One result of the logic model: where it sits, and what was done for it (or which findings inform it). */
export default async function ResultPage({ params }: { params: Promise<{ projectId: string; resultId: string }> }) {
  const { projectId, resultId } = await params;
  const ctx = await getPageContext();
  const [{ result, parent, linked, canEdit }, { items: measures }] = await Promise.all([
    getResult(ctx, { projectId, resultId }).then(unwrapForPage),
    listIndicators(ctx, { projectId, resultId }).then(unwrapForPage),
  ]);
  const [t, tIndicators, tWorkshops, tMissions, tActions, tFindings, format] = await Promise.all([
    getTranslations("logicModel"),
    getTranslations("indicators"),
    getTranslations("workshops"),
    getTranslations("missions"),
    getTranslations("improvementActions"),
    getTranslations("findings"),
    getFormatter(),
  ]);
  const base = `/projects/${projectId}`;
  const period = (from: string, to: string) => format.dateTimeRange(calendarDate(from), calendarDate(to), { dateStyle: "medium" });
  const groups: { id: string; title: string; items: { key: string; href: string; label: ReactNode; detail: string }[] }[] =
    result.level === "output"
      ? [
          {
            id: "linked-workshops",
            title: t("linkedWorkshops"),
            items: linked.workshops.map((w) => ({
              key: w.id,
              href: `${base}/workshops/${w.id}`,
              label: w.title,
              detail: [period(w.startDate, w.endDate), w.city, tWorkshops(`statuses.${w.status}`)].filter(Boolean).join(" · "),
            })),
          },
          {
            id: "linked-missions",
            title: t("linkedMissions"),
            items: linked.missions.map((m) => ({
              key: m.id,
              href: `${base}/missions/${m.id}`,
              label: <NarrativeText text={m.title} as="title" />,
              detail: [period(m.startDate, m.endDate), tMissions(`statuses.${m.status}`)].join(" · "),
            })),
          },
          {
            id: "linked-actions",
            title: t("linkedActions"),
            items: linked.actions.map((a) => ({
              key: a.id,
              href: `${base}/actions/${a.id}`,
              label: a.title,
              detail: [tActions(`statuses.${a.status}`), a.dueDate && format.dateTime(calendarDate(a.dueDate), { dateStyle: "medium" })].filter(Boolean).join(" · "),
            })),
          },
        ]
      : [
          {
            id: "linked-findings",
            title: t("informedBy"),
            items: linked.findings.map((f) => ({
              key: f.id,
              href: `${base}/studies/${f.studyId}/findings/${f.id}`,
              label: <NarrativeText text={f.title} as="title" />,
              detail: tFindings(`statuses.${f.status}`),
            })),
          },
        ];
  const shown = groups.filter((g) => g.items.length > 0);
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="font-mono">{result.code}</span> · <NarrativeText text={result.statement} as="title" />
          </>
        }
        actions={canEdit && <ButtonLink href={`${base}/logic-model/${result.id}/edit`}>{t("edit")}</ButtonLink>}
      />
      <div className="mb-6 flex flex-wrap items-center gap-2">
        <Badge>{t(`levels.${result.level}`)}</Badge>
        {parent && (
          <Link href={`${base}/logic-model/${parent.id}`} className="text-sm underline">
            {t("under", { code: parent.code })}
          </Link>
        )}
        <Link href={`${base}/logic-model`} className="text-sm underline">
          {t("title")}
        </Link>
      </div>
      <section aria-labelledby="result-indicators" className="mb-6">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="result-indicators" className="text-lg font-semibold">
            {tIndicators("title")}
          </h2>
          {canEdit && (
            <ButtonLink href={`${base}/indicators/new?resultId=${result.id}`} variant="secondary">
              {tIndicators("add")}
            </ButtonLink>
          )}
        </div>
        {measures.length === 0 ? (
          <p className="text-sm text-slate-700">{tIndicators("none")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {measures.map((i) => (
              <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3">
                <Link href={`${base}/indicators/${i.id}`} className="underline">
                  <span className="font-mono font-semibold">{i.code}</span> <NarrativeText text={i.statement} as="title" />
                </Link>
                <span className="block text-sm text-slate-700">{tIndicators(`units.${i.unit}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="mb-2 text-lg font-semibold">{result.level === "output" ? t("done") : t("informedBy")}</h2>
      {shown.length === 0 ? (
        <EmptyState message={t("nothingLinked")} />
      ) : (
        shown.map((g) => (
          <section key={g.id} aria-labelledby={g.id} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
            <h3 id={g.id} className="mb-2 font-semibold">
              {g.title}
            </h3>
            <ul className="flex flex-col gap-2">
              {g.items.map((item) => (
                <li key={item.key}>
                  <Link href={item.href} className="font-medium underline">
                    {item.label}
                  </Link>
                  <span className="block text-sm text-slate-700">{item.detail}</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
