import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { updateProjectAction } from "../../actions";
import { ProjectForm } from "../../_components/project-form";

export default async function EditProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("projects"), getLocale()]);
  return (
    <PageMessages namespaces={["projects"]}>
      <PageHeader title={t("edit")} />
      <ProjectForm action={updateProjectAction} project={project} countries={countryOptions(locale, project.country)} cancelHref={`/projects/${project.id}`} />
    </PageMessages>
  );
}
