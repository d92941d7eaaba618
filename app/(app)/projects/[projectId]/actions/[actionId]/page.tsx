import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { Badge } from "@/components/ui/badge";
import { LinkedResults } from "@/components/logic-model/linked-results";
import { ButtonLink } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { narrativeFor } from "@/lib/narrative";
import { calendarDate } from "@/lib/i18n/dates";
import { getAction } from "@/lib/improvement-actions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { UpdateForm } from "../_components/update-form";

export default async function ActionPage({ params }: { params: Promise<{ projectId: string; actionId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, actionId } = await params;
  const { action, ownerName, overdue, findings, institutions, outputs, updates, canEdit, canUpdate } = unwrapForPage(await getAction(ctx, { projectId, actionId }));
  const [t, tr, tModel, format, locale] = await Promise.all([
    getTranslations("improvementActions"),
    getTranslations("reviews"),
    getTranslations("logicModel"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (d: string | null) => (d ? format.dateTime(calendarDate(d), { dateStyle: "long" }) : "—");
  const shown = (field: string, value: unknown) => (field === "status" ? t(`statuses.${value as "done"}`) : t("percent", { value: String(value) }));
  return (
    <PageMessages namespaces={["improvementActions"]}>
      <PageHeader
        title={action.title}
        actions={
          <>
            <ButtonLink href={`/projects/${projectId}/actions`} variant="ghost">
              {t("title")}
            </ButtonLink>
            {canEdit && <ButtonLink href={`/projects/${projectId}/actions/${actionId}/edit`}>{t("edit")}</ButtonLink>}
          </>
        }
      />
      <section aria-label={t("title")} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <FactList
          facts={[
            {
              label: t("status"),
              value: (
                <>
                  {t(`statuses.${action.status}`)} {overdue && <Badge tone="danger">{t("overdue")}</Badge>}
                </>
              ),
            },
            { label: t("progress"), value: t("percent", { value: action.progress }) },
            { label: t("startDate"), value: date(action.startDate) },
            { label: t("dueDate"), value: date(action.dueDate) },
            { label: t("owner"), value: ownerName ?? (action.ownerId ? tr("aPartner") : t("noOwner")) },
            { label: t("institutions"), value: institutions.map((i) => i.name).join(", ") || "—" },
            { label: tModel("outputs"), value: <LinkedResults projectId={projectId} results={outputs} /> },
            { label: t("target"), value: action.target || "—" },
          ]}
        />
        {action.description && <p className="mt-4 whitespace-pre-line text-slate-800">{action.description}</p>}
        <h2 className="mt-4 font-medium">{t("findings")}</h2>
        <ul className="list-disc pl-6">
          {findings.map((f) => (
            <li key={f.id}>
              <Link href={`/projects/${projectId}/studies/${f.studyId}/findings/${f.id}`}>{narrativeFor(f.title, locale).text}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="updates" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="updates" className="mb-2 text-lg font-semibold">
          {t("updates")}
        </h2>
        {updates.length === 0 ? (
          <p className="mb-3 text-sm text-slate-700">{t("noUpdates")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-2">
            {updates.map((u) => (
              <li key={u.id} className="border-b border-slate-200 pb-2">
                <p className="text-xs text-slate-600">
                  {u.authorName ?? "—"} · {format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                {Object.entries(u.changes).map(([field, change]) => (
                  <p key={field} className="text-sm">
                    {t("change", { field: field === "status" ? t("status") : t("progress"), before: shown(field, change.before), after: shown(field, change.after) })}
                  </p>
                ))}
                {u.note && <p className="whitespace-pre-line">{u.note}</p>}
              </li>
            ))}
          </ul>
        )}
        {canUpdate && <UpdateForm projectId={projectId} actionId={actionId} />}
      </section>
    </PageMessages>
  );
}
