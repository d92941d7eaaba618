import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { GrantRoleForm } from "@/components/members/grant-role-form";
import { RevokeRoleButton } from "@/components/members/revoke-role-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listProjects } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getUser } from "@/lib/users/use-cases";
import { grantRoleAction, revokeRoleAction } from "@/app/(app)/projects/[projectId]/actions";
import { ApiTokens } from "@/app/(app)/account/api-tokens";
import { listApiTokens } from "@/lib/api-tokens/use-cases";
import { ResetSecondFactor } from "./reset-second-factor";
import { UserAccessActions } from "./user-access-actions";
import { NarrativeText } from "@/components/narrative-text";
import { narrativeFor } from "@/lib/narrative";

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const ctx = await getPageContext();
  const { userId } = await params;
  const { user, memberships, invitation, secondFactor } = unwrapForPage(await getUser(ctx, { userId }));
  const projects = unwrapForPage(await listProjects(ctx, { sort: "code", dir: "asc", pageSize: 100 }));
  const tokens = unwrapForPage(await listApiTokens(ctx, { userId }));
  const [t, tMembers, tRoles, tLanguage, tMail, tTokens, tSecond, format, locale] = await Promise.all([
    getTranslations("users"),
    getTranslations("members"),
    getTranslations("roles"),
    getTranslations("language"),
    getTranslations("outgoingMail"),
    getTranslations("apiTokens"),
    getTranslations("secondFactor"),
    getFormatter(),
    getLocale(),
  ]);
  const facts = [
    { label: t("email"), value: user.email },
    { label: t("locale"), value: tLanguage(user.locale) },
    { label: t("status"), value: user.isActive ? t("statuses.active") : t("statuses.inactive") },
    { label: t("createdAt"), value: format.dateTime(user.createdAt, { dateStyle: "medium" }) },
    {
      label: t("invitation"),
      value: invitation
        ? t("invitationState", {
            status: tMail(`statuses.${invitation.status}`),
            date: format.dateTime(invitation.sentAt ?? invitation.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          })
        : t("invitationNone"),
    },
    { label: tSecond("title"), value: secondFactor ? tSecond("isOn") : tSecond("none") },
  ];
  return (
    <PageMessages namespaces={["members", "roles", "users", "apiTokens", "secondFactor"]}>
      <PageHeader title={user.name} actions={user.isAdmin && <Badge>{t("admin")}</Badge>} />
      <section aria-labelledby="account" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="account" className="mb-3 text-lg font-semibold">
          {t("accountSection")}
        </h2>
        <FactList facts={facts} className="mb-4" />
        {user.id !== ctx.user.id && <UserAccessActions userId={user.id} name={user.name} isActive={user.isActive} />}
        {secondFactor && (
          <div className="mt-4">
            <ResetSecondFactor userId={user.id} name={user.name} />
          </div>
        )}
      </section>
      <section aria-labelledby="roles" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="roles" className="mb-3 text-lg font-semibold">
          {tMembers("rolesTitle")}
        </h2>
        {memberships.length === 0 ? (
          <EmptyState message={tMembers("noRoles")} />
        ) : (
          <Table caption={tMembers("rolesTitle")}>
            <thead>
              <tr>
                <Th>{tMembers("project")}</Th>
                <Th>{tMembers("role")}</Th>
                <Th>{tMembers("actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr key={m.projectId}>
                  <Td>
                    <Link href={`/projects/${m.projectId}`}>
                      <NarrativeText text={m.name} as="title" />
                    </Link>
                  </Td>
                  <Td>{tRoles(m.role)}</Td>
                  <Td>
                    <RevokeRoleButton action={revokeRoleAction} projectId={m.projectId} userId={user.id} name={user.name} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {projects.items.length > 0 && (
          <div className="mt-4">
            <h3 className="mb-2 font-medium">{tMembers("grantTitle")}</h3>
            <GrantRoleForm
              action={grantRoleAction}
              userId={user.id}
              projects={projects.items.map((p) => ({ value: p.id, label: `${p.code} — ${narrativeFor(p.name, locale).text}` }))}
            />
          </div>
        )}
      </section>
      <section aria-labelledby="user-api-tokens" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="user-api-tokens" className="mb-3 text-lg font-semibold">
          {tTokens("title")}
        </h2>
        <ApiTokens tokens={tokens} mayCreate={false} />
      </section>
    </PageMessages>
  );
}
