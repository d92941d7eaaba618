import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getRetention } from "@/lib/retention/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { RunRetention } from "./run-retention";

export default async function RetentionPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await getPageContext();
  const { page } = await searchParams;
  const { today, projects, runs } = unwrapForPage(await getRetention(ctx, { page }));
  const [t, format] = await Promise.all([getTranslations("retention"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const peopleDue = projects.reduce((sum, p) => sum + p.peopleDue, 0);
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <section className="mb-8" aria-labelledby="retention-due">
        <h2 id="retention-due" className="mb-2 text-lg font-semibold">
          {t("dueTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("dueCount", { count: peopleDue })}</p>
        {projects.length === 0 ? (
          <EmptyState message={t("noProjects")} />
        ) : (
          <Table caption={t("dueTitle")}>
            <thead>
              <tr>
                <Th>{t("project")}</Th>
                <Th>{t("ended")}</Th>
                <Th>{t("period")}</Th>
                <Th>{t("dueOn")}</Th>
                <Th className="text-right">{t("peopleDue")}</Th>
                <Th className="text-right">{t("peopleHeld")}</Th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.projectId}>
                  <Td>
                    <Link href={`/projects/${p.projectId}/edit`}>{p.code}</Link>
                    <br />
                    <span className="text-xs text-slate-700">{p.name}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{day(p.endDate)}</Td>
                  <Td>{t("years", { count: p.retentionYears })}</Td>
                  <Td className="whitespace-nowrap">
                    {p.legalHold ? <strong>{t("legalHold")}</strong> : p.dueOn < today ? t("passed", { date: day(p.dueOn) }) : day(p.dueOn)}
                  </Td>
                  <Td className="text-right tabular-nums">{p.peopleDue}</Td>
                  <Td className="text-right tabular-nums">{p.peopleHeld}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="mt-2 text-sm text-slate-700">{t("dueNote")}</p>
        <div className="mt-4">
          <RunRetention peopleDue={peopleDue} />
        </div>
      </section>
      <section aria-labelledby="retention-register">
        <h2 id="retention-register" className="mb-2 text-lg font-semibold">
          {t("registerTitle")}
        </h2>
        {runs.items.length === 0 ? (
          <EmptyState message={t("registerEmpty")} />
        ) : (
          <Table caption={t("registerTitle")}>
            <thead>
              <tr>
                <Th>{t("ranAt")}</Th>
                <Th>{t("ranBy")}</Th>
                <Th>{t("project")}</Th>
                <Th className="text-right">{t("people")}</Th>
              </tr>
            </thead>
            <tbody>
              {runs.items.map((run) => (
                <tr key={run.id}>
                  <Td className="whitespace-nowrap">{format.dateTime(run.ranAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td>{run.isDaily ? t("dailyJob") : (run.actorName ?? "—")}</Td>
                  <Td>{run.projectCode ?? (run.peopleCount === 0 ? t("nobodyDue") : "—")}</Td>
                  <Td className="text-right tabular-nums">{run.peopleCount}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={runs.page} pageSize={runs.pageSize} total={runs.total} basePath="/admin/retention" params={{}} />
      </section>
    </>
  );
}
