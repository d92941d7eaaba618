import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createBodyAction } from "../actions";
import { BodyForm } from "../_components/body-form";

export default async function NewBodyPage() {
  const ctx = await getPageContext();
  const { canCurate } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  if (!canCurate) notFound();
  const [t, locale] = await Promise.all([getTranslations("bodies"), getLocale()]);
  return (
    <PageMessages namespaces={["bodies"]}>
      <PageHeader title={t("new")} />
      <BodyForm action={createBodyAction} countries={countryOptions(locale)} cancelHref="/bodies" />
    </PageMessages>
  );
}
