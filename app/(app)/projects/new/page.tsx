import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext } from "@/lib/request-context";
import { createProjectAction } from "../actions";
import { ProjectForm } from "../_components/project-form";

export default async function NewProjectPage() {
  const { user } = await getPageContext();
  if (!can(globalAccess(user), "administration")) notFound();
  const [t, locale] = await Promise.all([getTranslations("projects"), getLocale()]);
  return (
    <PageMessages namespaces={["projects"]}>
      <PageHeader title={t("new")} />
      <ProjectForm action={createProjectAction} countries={countryOptions(locale)} cancelHref="/projects" />
    </PageMessages>
  );
}
