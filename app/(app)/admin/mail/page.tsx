import { getFormatter, getTranslations } from "next-intl/server";
import { ChoiceFilter } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedList } from "@/components/list-page/paged-list";
import { PageHeader } from "@/components/ui/page-header";
import { mailStatuses } from "@/db/schema";
import { listOutgoingMail } from "@/lib/mail/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

const filterNames = ["status"] as const;

/** Every message Atelier sends, with the queue's state; without a mail server, where mail is read. */
export default async function OutgoingMailPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const [t, format] = await Promise.all([getTranslations("outgoingMail"), getFormatter()]);
  const page = unwrapForPage(await listOutgoingMail(ctx, { ...filters, page: params.page }));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <p role="note" className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-2 text-sm text-slate-900">
        {page.mode === "kept" ? t("modeKept") : t("modeSmtp")}
      </p>
      <section aria-labelledby="mail-queue" className="mb-4">
        <h2 id="mail-queue" className="mb-2 text-lg font-semibold">
          {t("queue")}
        </h2>
        <ul className="flex flex-wrap gap-2" data-testid="mail-queue">
          {mailStatuses.map((status) => (
            <li key={status} className="rounded-md border border-slate-200 bg-white px-3 py-1 text-sm">
              {t(`statuses.${status}`)}: <span className="font-semibold tabular-nums">{page.counts[status]}</span>
            </li>
          ))}
        </ul>
      </section>
      <ListFilters resetHref="/admin/mail" hasFilters={isFiltered(filters)} className="sm:grid-cols-[1fr_auto] sm:items-end">
        <ChoiceFilter
          name="status"
          label={t("status")}
          anyLabel={t("anyStatus")}
          value={filters.status}
          options={mailStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
      </ListFilters>
      <PagedList page={page} summary={t("count", { count: page.total })} emptyMessage={isFiltered(filters) ? t("noMatch") : t("empty")} basePath="/admin/mail" params={filters}>
        <ul className="flex flex-col gap-3" aria-label={t("title")}>
          {page.items.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{m.subject}</span>
                  <span className="block text-sm text-slate-700">{[t(`kinds.${m.kind}`), m.toAddress, t(`statuses.${m.status}`), when(m.sentAt ?? m.createdAt)].join(" · ")}</span>
                  {(m.attempts > 0 || m.lastError) && (
                    <span className="block text-sm text-red-800">
                      {t("attempts")}: {m.attempts}
                      {m.lastError && ` · ${t("lastError")}: ${m.lastError}`}
                      {m.status === "queued" && ` · ${t("nextAttempt", { time: when(m.nextAttemptAt) })}`}
                    </span>
                  )}
                </summary>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-sm">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      </PagedList>
    </>
  );
}
