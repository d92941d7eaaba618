import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { listProjects } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { DirectoryImport } from "./directory-import";
import { narrativeFor } from "@/lib/narrative";

export default async function ImportsPage() {
  const ctx = await getPageContext();
  const { canEdit } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  if (!canEdit) notFound();
  const projects = unwrapForPage(await listProjects(ctx, { sort: "code", dir: "asc", pageSize: 100 }));
  const [t, locale] = await Promise.all([getTranslations("imports"), getLocale()]);
  return (
    <PageMessages namespaces={["imports"]}>
      <PageHeader title={t("title")} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <DirectoryImport projects={projects.items.map((p) => ({ value: p.id, label: `${p.code} — ${narrativeFor(p.name, locale).text}` }))} />
    </PageMessages>
  );
}
