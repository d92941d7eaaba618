import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getBody } from "@/lib/bodies/use-cases";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { AddBodyMemberForm, MembershipControls } from "./member-forms";

export default async function BodyPage({ params }: { params: Promise<{ bodyId: string }> }) {
  const ctx = await getPageContext();
  const { bodyId } = await params;
  const { body, members } = unwrapForPage(await getBody(ctx, { bodyId }));
  const { canCurate } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  const [t, tInstitutions, format, locale] = await Promise.all([getTranslations("bodies"), getTranslations("institutions"), getFormatter(), getLocale()]);
  const today = new Date().toISOString().slice(0, 10);
  const date = (d: string) => format.dateTime(calendarDate(d), { dateStyle: "medium" });
  return (
    <PageMessages namespaces={["bodies", "institutions"]}>
      <PageHeader
        title={body.acronym ? `${body.acronym} — ${body.name}` : body.name}
        actions={canCurate && <ButtonLink href={`/bodies/${body.id}/edit`}>{t("edit")}</ButtonLink>}
      />
      <p className="mb-2 text-slate-700">{countryName(body.country, locale)}</p>
      {body.description && <p className="mb-6 whitespace-pre-line text-slate-800">{body.description}</p>}
      <section aria-labelledby="members" className="mb-6">
        <h2 id="members" className="mb-2 text-lg font-semibold">
          {t("members")}
        </h2>
        {members.length === 0 ? (
          <EmptyState message={t("noMembers")} />
        ) : (
          <Table caption={t("members")}>
            <thead>
              <tr>
                <Th>{t("memberInstitution")}</Th>
                <Th className="hidden sm:table-cell">{tInstitutions("sector")}</Th>
                <Th>{t("startDate")}</Th>
                <Th>{t("endDate")}</Th>
                {canCurate && <Th>{t("actions")}</Th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.membershipId}>
                  <Td>
                    <Link href={`/institutions/${m.institutionId}`}>{m.acronym || m.name}</Link>
                  </Td>
                  <Td className="hidden sm:table-cell">{tInstitutions(`sectors.${m.sector}`)}</Td>
                  <Td>{date(m.startDate)}</Td>
                  <Td>{m.endDate ? date(m.endDate) : "—"}</Td>
                  {canCurate && (
                    <Td>
                      <MembershipControls bodyId={body.id} membershipId={m.membershipId} name={m.acronym || m.name} isCurrent={!m.endDate || m.endDate >= today} />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {canCurate && (
        <section aria-labelledby="add-member" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-member" className="mb-3 text-lg font-semibold">
            {t("addMember")}
          </h2>
          <AddBodyMemberForm bodyId={body.id} />
        </section>
      )}
    </PageMessages>
  );
}
