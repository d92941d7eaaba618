import { getFormatter, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { calendarDate } from "@/lib/i18n/dates";
import { listPeriods } from "@/lib/indicators/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { AddPeriod, DeletePeriod, UseProjectYears } from "./period-forms";

/** The project's reporting periods, which indicator targets are set for. */
export default async function PeriodsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await getPageContext();
  const { items, canEdit } = unwrapForPage(await listPeriods(ctx, { projectId }));
  const [t, format] = await Promise.all([getTranslations("indicators"), getFormatter()]);
  return (
    <PageMessages namespaces={["indicators"]}>
      <PageHeader title={t("periods")} />
      <p className="mb-4 text-slate-700">{t("periodsIntro")}</p>
      {canEdit && items.length === 0 && <UseProjectYears projectId={projectId} />}
      {items.length === 0 ? (
        <EmptyState message={t("noPeriods")} />
      ) : (
        <div className="mb-6">
          <Table caption={t("periods")}>
            <thead>
              <tr>
                <Th>{t("periodName")}</Th>
                <Th>{t("startDate")}</Th>
                <Th>{t("endDate")}</Th>
                {canEdit && <Th className="sr-only">{t("deletePeriod")}</Th>}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <Td>{p.name}</Td>
                  <Td>{format.dateTime(calendarDate(p.startDate), { dateStyle: "medium" })}</Td>
                  <Td>{format.dateTime(calendarDate(p.endDate), { dateStyle: "medium" })}</Td>
                  {canEdit && (
                    <Td>
                      <DeletePeriod projectId={projectId} periodId={p.id} name={p.name} />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {canEdit && <AddPeriod projectId={projectId} />}
    </PageMessages>
  );
}
