import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { getInstitution } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateInstitutionAction } from "../../actions";
import { InstitutionForm } from "../../_components/institution-form";

export default async function EditInstitutionPage({ params }: { params: Promise<{ institutionId: string }> }) {
  const ctx = await getPageContext();
  const { institutionId } = await params;
  const { institution, parent, canEdit } = unwrapForPage(await getInstitution(ctx, { institutionId }));
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("institutions"), getLocale()]);
  return (
    <PageMessages namespaces={["institutions"]}>
      <PageHeader title={t("edit")} />
      <InstitutionForm
        action={updateInstitutionAction}
        institution={institution}
        parent={parent}
        countries={countryOptions(locale, institution.country)}
        cancelHref={`/institutions/${institution.id}`}
      />
    </PageMessages>
  );
}
