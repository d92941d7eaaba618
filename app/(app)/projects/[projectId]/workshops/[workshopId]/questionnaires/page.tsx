import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { publicOrigin } from "@/lib/http/public-origin";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { QrCode } from "@/components/ui/qr-code";
import { narrativeFor } from "@/lib/narrative";
import { questionnaireKinds } from "@/lib/questionnaires/kinds";
import { getWorkshopQuestionnaires } from "@/lib/questionnaires/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { CopyForm } from "./_components/copy-form";
import { StatusButton } from "./_components/status-button";

/** The address respondents' phones open the questionnaires at: the configured one, else the one this page was reached at. */
async function siteOrigin() {
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return publicOrigin(`${proto}://${h.get("host")}`);
}

export default async function QuestionnairesPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { workshop, questionnaires, copySources, canEdit, canEnter } = unwrapForPage(await getWorkshopQuestionnaires(ctx, { projectId, workshopId }));
  const [t, locale, origin] = await Promise.all([getTranslations("questionnaires"), getLocale(), siteOrigin()]);
  const base = `/projects/${projectId}/workshops/${workshopId}/questionnaires`;
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale as Parameters<typeof narrativeFor>[1]).text;
  const missing = questionnaireKinds.filter((kind) => !questionnaires.some((q) => q.kind === kind));
  const sources = copySources.filter((s) => missing.includes(s.kind)).map((s) => ({ value: s.id, label: `${s.workshopTitle} (${s.startDate}) — ${t(`kinds.${s.kind}`)}` }));
  return (
    <PageMessages namespaces={["questionnaires"]}>
      <PageHeader
        title={`${t("title")} — ${workshop.title}`}
        actions={
          questionnaires.length > 0 && (
            <ButtonLink href={`${base}/results`} variant="secondary">
              {t("results")}
            </ButtonLink>
          )
        }
      />
      <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
      <div className="flex flex-col gap-4">
        {questionnaireKinds.map((kind) => {
          const q = questionnaires.find((x) => x.kind === kind);
          return (
            <section key={kind} aria-labelledby={`kind-${kind}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id={`kind-${kind}`} className="mb-2 text-lg font-semibold">
                {t(`kinds.${kind}`)}
              </h2>
              {!q ? (
                <div className="flex flex-wrap items-center gap-3">
                  <p className="text-sm text-slate-700">{t("none")}</p>
                  {canEdit && <ButtonLink href={`${base}/new?kind=${kind}`}>{t("write")}</ButtonLink>}
                </div>
              ) : (
                <div className="flex flex-col gap-3">
                  <p>
                    <span className="font-medium">{text(q.title)}</span> · {t(`statuses.${q.status}`)} · {t("questionCount", { count: q.questions.length })} ·{" "}
                    {t("responseCount", { count: q.responses })}
                  </p>
                  <div className="flex flex-wrap items-start gap-2">
                    {canEdit && q.status !== "open" && <StatusButton projectId={projectId} workshopId={workshopId} questionnaireId={q.id} status="open" label={t("open")} />}
                    {canEdit && q.status === "open" && <StatusButton projectId={projectId} workshopId={workshopId} questionnaireId={q.id} status="closed" label={t("close")} />}
                    {canEnter && q.status !== "draft" && (
                      <ButtonLink href={`${base}/${q.id}/answers`} variant="secondary">
                        {t("enterAnswers")}
                      </ButtonLink>
                    )}
                    {canEdit && q.responses === 0 && (
                      <ButtonLink href={`${base}/${q.id}/edit`} variant="ghost">
                        {t("edit")}
                      </ButtonLink>
                    )}
                  </div>
                  {q.status === "open" && (
                    <div className="flex flex-wrap items-center gap-4">
                      <QrCode text={`${origin}/q/${q.id}`} label={t("qrLabel", { kind: t(`kinds.${kind}`) })} />
                      <p className="text-sm">
                        {t("publicLink")}{" "}
                        <a href={`/q/${q.id}`} className="break-all">
                          {`${origin}/q/${q.id}`}
                        </a>
                      </p>
                    </div>
                  )}
                </div>
              )}
            </section>
          );
        })}
        {canEdit && sources.length > 0 && (
          <section aria-labelledby="copy" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="copy" className="mb-2 text-lg font-semibold">
              {t("copy")}
            </h2>
            <CopyForm projectId={projectId} workshopId={workshopId} sources={sources} />
          </section>
        )}
      </div>
    </PageMessages>
  );
}
