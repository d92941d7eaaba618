import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getWorkshopReport } from "@/lib/attendance/use-cases";
import { workshopReportDocument } from "@/lib/attendance/report-document";
import { getWording } from "@/lib/i18n/wording";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

// Long tables (a 500-person workshop) stay light on a phone unless asked for in full.
const rowsShown = 50;

export default async function WorkshopReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; workshopId: string }>;
  searchParams: Promise<{ rows?: string }>;
}) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const showAll = (await searchParams).rows === "all";
  const report = unwrapForPage(await getWorkshopReport(ctx, { projectId, workshopId }));
  const [t, wording] = await Promise.all([getTranslations("report"), getWording()]);
  // The same sections as the Excel and PDF files, so the three always agree.
  const document = workshopReportDocument(report, wording);
  const exportBase = `/api/v1/projects/${projectId}/workshops/${workshopId}/report/export`;
  return (
    <>
      <PageHeader
        title={document.title}
        actions={
          <>
            <DownloadLink href={`${exportBase}?format=xlsx`}>{t("exportXlsx")}</DownloadLink>
            <DownloadLink href={`${exportBase}?format=pdf`}>{t("exportPdf")}</DownloadLink>
          </>
        }
      />
      <p className="mb-4 text-slate-700">{document.subtitle}</p>
      {!report.attendees && <p className="mb-4 text-sm text-slate-700">{t("figuresOnly")}</p>}
      {report.overall.attendances === 0 && <EmptyState message={t("empty")} />}
      <div className="flex flex-col gap-6">
        {document.sections.map((section) => (
          // Each table is its own labelled region; the section only groups it with its heading.
          <section key={section.title}>
            <h2 className="mb-2 text-lg font-semibold">{section.title}</h2>
            {section.rows.length === 0 ? (
              <p className="text-sm text-slate-700">{section.empty ?? "—"}</p>
            ) : (
              <Table caption={section.title}>
                <thead>
                  <tr>
                    {section.headers.map((h, j) => (
                      <Th key={j} className={j > 0 ? "text-right" : undefined}>
                        {h}
                      </Th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(showAll ? section.rows : section.rows.slice(0, rowsShown)).map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, j) => (
                        <Td key={j} className={j > 0 && typeof cell === "number" ? "text-right tabular-nums" : undefined}>
                          {cell}
                        </Td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {!showAll && section.rows.length > rowsShown && (
              <p className="mt-2 text-sm text-slate-700">
                {t("showingFirst", { shown: rowsShown, total: section.rows.length })}{" "}
                <Link href={`/projects/${projectId}/workshops/${workshopId}/report?rows=all`}>{t("showAll")}</Link>
              </p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
