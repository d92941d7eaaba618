import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getBody } from "@/lib/bodies/use-cases";
import { countryOptions } from "@/lib/i18n/countries";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateBodyAction } from "../../actions";
import { BodyForm } from "../../_components/body-form";

export default async function EditBodyPage({ params }: { params: Promise<{ bodyId: string }> }) {
  const ctx = await getPageContext();
  const { bodyId } = await params;
  const { body } = unwrapForPage(await getBody(ctx, { bodyId }));
  const { canCurate } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  if (!canCurate) notFound();
  const [t, locale] = await Promise.all([getTranslations("bodies"), getLocale()]);
  return (
    <PageMessages namespaces={["bodies"]}>
      <PageHeader title={t("edit")} />
      <BodyForm action={updateBodyAction} body={body} countries={countryOptions(locale, body.country)} cancelHref={`/bodies/${body.id}`} />
    </PageMessages>
  );
}
