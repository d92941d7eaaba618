import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/list-page/list-table";
import { listBodies } from "@/lib/bodies/use-cases";
import { countryName } from "@/lib/i18n/countries";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

export default async function BodiesPage() {
  const ctx = await getPageContext();
  const bodies = unwrapForPage(await listBodies(ctx, {}));
  const { canCurate } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  const [t, format, locale] = await Promise.all([getTranslations("bodies"), getFormatter(), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} actions={canCurate && <ButtonLink href="/bodies/new">{t("new")}</ButtonLink>} />
      <ListTable
        caption={t("title")}
        rows={bodies}
        emptyMessage={t("empty")}
        columns={[
          {
            label: t("name"),
            cell: (b) => (
              <>
                <Link href={`/bodies/${b.id}`}>{b.acronym || b.name}</Link>
                {b.acronym && <span className="block text-xs text-slate-600">{b.name}</span>}
              </>
            ),
          },
          { label: t("country"), cell: (b) => countryName(b.country, locale) },
          { label: t("currentMembers"), cell: (b) => format.number(b.currentMembers) },
        ]}
      />
    </>
  );
}
