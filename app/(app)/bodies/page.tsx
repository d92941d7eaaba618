import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
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
      {bodies.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("country")}</Th>
              <Th>{t("currentMembers")}</Th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => (
              <tr key={b.id}>
                <Td>
                  <Link href={`/bodies/${b.id}`}>{b.acronym || b.name}</Link>
                  {b.acronym && <span className="block text-xs text-slate-600">{b.name}</span>}
                </Td>
                <Td>{countryName(b.country, locale)}</Td>
                <Td>{format.number(b.currentMembers)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
