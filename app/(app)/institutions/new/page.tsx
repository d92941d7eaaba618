import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createInstitutionAction } from "../actions";
import { InstitutionForm } from "../_components/institution-form";

export default async function NewInstitutionPage() {
  const ctx = await getPageContext();
  const { canEdit } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("institutions"), getLocale()]);
  return (
    <PageMessages namespaces={["institutions"]}>
      <PageHeader title={t("new")} />
      <InstitutionForm action={createInstitutionAction} countries={countryOptions(locale)} cancelHref="/institutions" />
    </PageMessages>
  );
}
