import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/list-page/list-table";
import { PagedTable } from "@/components/list-page/paged-list";
import { getRetention } from "@/lib/retention/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { RunRetention } from "./run-retention";
import { NarrativeText } from "@/components/narrative-text";

export default async function RetentionPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await getPageContext();
  const { page } = await searchParams;
  const { today, projects, runs } = unwrapForPage(await getRetention(ctx, { page }));
  const [t, format] = await Promise.all([getTranslations("retention"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const peopleDue = projects.reduce((sum, p) => sum + p.peopleDue, 0);
  return (
    <PageMessages namespaces={["retention"]}>
      <PageHeader title={t("title")} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <section className="mb-8" aria-labelledby="retention-due">
        <h2 id="retention-due" className="mb-2 text-lg font-semibold">
          {t("dueTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("dueCount", { count: peopleDue })}</p>
        <ListTable
          caption={t("dueTitle")}
          rows={projects.map((p) => ({ ...p, id: p.projectId }))}
          emptyMessage={t("noProjects")}
          columns={[
            {
              label: t("project"),
              cell: (p) => (
                <>
                  <Link href={`/projects/${p.projectId}/edit`}>{p.code}</Link>
                  <br />
                  <span className="text-xs text-slate-700">
                    <NarrativeText text={p.name} as="title" />
                  </span>
                </>
              ),
            },
            { label: t("ended"), cellClassName: "whitespace-nowrap", cell: (p) => day(p.endDate) },
            { label: t("period"), cell: (p) => t("years", { count: p.retentionYears }) },
            {
              label: t("dueOn"),
              cellClassName: "whitespace-nowrap",
              cell: (p) => (p.legalHold ? <strong>{t("legalHold")}</strong> : p.dueOn < today ? t("passed", { date: day(p.dueOn) }) : day(p.dueOn)),
            },
            { label: t("peopleDue"), className: "text-right", cellClassName: "tabular-nums", cell: (p) => p.peopleDue },
            { label: t("peopleHeld"), className: "text-right", cellClassName: "tabular-nums", cell: (p) => p.peopleHeld },
          ]}
        />
        <p className="mt-2 text-sm text-slate-700">{t("dueNote")}</p>
        <div className="mt-4">
          <RunRetention peopleDue={peopleDue} />
        </div>
      </section>
      <section aria-labelledby="retention-register">
        <h2 id="retention-register" className="mb-2 text-lg font-semibold">
          {t("registerTitle")}
        </h2>
        <PagedTable
          page={runs}
          emptyMessage={t("registerEmpty")}
          basePath="/admin/retention"
          params={{}}
          caption={t("registerTitle")}
          columns={[
            { label: t("ranAt"), cellClassName: "whitespace-nowrap", cell: (run) => format.dateTime(run.ranAt, { dateStyle: "short", timeStyle: "short" }) },
            { label: t("ranBy"), cell: (run) => (run.isDaily ? t("dailyJob") : (run.actorName ?? "—")) },
            { label: t("project"), cell: (run) => run.projectCode ?? (run.peopleCount === 0 ? t("nobodyDue") : "—") },
            { label: t("people"), className: "text-right", cellClassName: "tabular-nums", cell: (run) => run.peopleCount },
          ]}
        />
      </section>
    </PageMessages>
  );
}
