import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PmfImport } from "@/components/pmf/pmf-import";
import { PageHeader } from "@/components/ui/page-header";
import { listPeriods } from "@/lib/indicators/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** A manager brings in a project's existing PMF from Excel. */
export default async function PmfImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { canEdit } = unwrapForPage(await listPeriods(ctx, { projectId }));
  if (!canEdit) notFound();
  const t = await getTranslations("pmf");
  return (
    <PageMessages namespaces={["pmf", "imports"]}>
      <PageHeader title={t("importTitle")} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("importIntro")}</p>
      <PmfImport projectId={projectId} />
    </PageMessages>
  );
}
