import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { locales } from "@/db/schema/values";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { getDashboard } from "@/lib/reports/dashboard";
import { ProjectDashboard } from "./_components/dashboard";
import { narrativeFor } from "@/lib/narrative";
import { listMembers } from "@/lib/members/use-cases";
import { awaitingMyReview } from "@/lib/reviews/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { AddMemberForm } from "@/components/members/add-member-form";
import { RevokeRoleButton } from "@/components/members/revoke-role-button";
import { grantRoleAction, revokeRoleAction } from "./actions";
import { NarrativeText } from "@/components/narrative-text";

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const period = await searchParams;
  const [{ project, canEdit, access }, membersResult, dashboardResult, awaitingResult] = await Promise.all([
    loadCurrentProject(projectId),
    listMembers(ctx, { projectId }),
    getDashboard(ctx, { projectId, from: period.from, to: period.to }),
    awaitingMyReview(ctx, { projectId }),
  ]);
  const members = unwrapForPage(membersResult);
  // A period that is not one (a bad date, an end before the start) is said beside the fields, over the whole project's figures.
  const periodErrors = !dashboardResult.ok && dashboardResult.error === "invalid" ? (dashboardResult.fieldErrors ?? {}) : undefined;
  const dashboard = unwrapForPage(periodErrors ? await getDashboard(ctx, { projectId }) : dashboardResult);
  const awaiting = unwrapForPage(awaitingResult);
  const canManageMembers = can(globalAccess(ctx.user), "members.manage");
  const [t, tMembers, tRoles, tMissions, tWorkshops, tLogicModel, tPmf, tStudies, tReviews, tActions, tEvaluations, tClosing, tFindings, tQuestionnaires, format, locale] =
    await Promise.all([
      getTranslations("projects"),
      getTranslations("members"),
      getTranslations("roles"),
      getTranslations("missions"),
      getTranslations("workshops"),
      getTranslations("logicModel"),
      getTranslations("pmf"),
      getTranslations("studies"),
      getTranslations("reviews"),
      getTranslations("improvementActions"),
      getTranslations("evaluations"),
      getTranslations("closingReport"),
      getTranslations("findings"),
      getTranslations("questionnaires"),
      getFormatter(),
      getLocale(),
    ]);
  const facts = [
    { label: t("code"), value: project.code },
    { label: t("country"), value: countryName(project.country, locale) },
    { label: t("period"), value: format.dateTimeRange(calendarDate(project.startDate), calendarDate(project.endDate), { dateStyle: "long" }) },
    { label: t("funder"), value: project.funder || "—" },
    { label: t("status"), value: t(`statuses.${project.status}`) },
  ];
  return (
    <PageMessages namespaces={["members", "roles"]}>
      <PageHeader title={<NarrativeText text={project.name} as="title" />} actions={canEdit && <ButtonLink href={`/projects/${project.id}/edit`}>{t("edit")}</ButtonLink>} />
      <nav aria-label={t("sections")} className="mb-6 flex flex-wrap gap-2">
        <ButtonLink href={`/projects/${project.id}/workshops`} variant="secondary">
          {tWorkshops("title")}
        </ButtonLink>
        {can(access, "missions.read") && (
          <ButtonLink href={`/projects/${project.id}/missions`} variant="secondary">
            {tMissions("title")}
          </ButtonLink>
        )}
        <ButtonLink href={`/projects/${project.id}/logic-model`} variant="secondary">
          {tLogicModel("title")}
        </ButtonLink>
        <ButtonLink href={`/projects/${project.id}/pmf`} variant="secondary">
          {tPmf("title")}
        </ButtonLink>
        <ButtonLink href={`/projects/${project.id}/questionnaires`} variant="secondary">
          {tQuestionnaires("comparison")}
        </ButtonLink>
        <ButtonLink href={`/projects/${project.id}/studies`} variant="secondary">
          {tStudies("title")}
        </ButtonLink>
        <ButtonLink href={`/projects/${project.id}/actions`} variant="secondary">
          {tActions("title")}
        </ButtonLink>
        <ButtonLink href={`/projects/${project.id}/evaluations`} variant="secondary">
          {tEvaluations("title")}
        </ButtonLink>
      </nav>
      {/* The figures come first: on a phone everything below them is a long scroll away. */}
      <ProjectDashboard dashboard={dashboard} period={period} periodErrors={periodErrors} />
      {can(access, "reviews.answer") && (
        <section aria-labelledby="awaiting" className="mb-8 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="awaiting" className="mb-2 text-lg font-semibold">
            {tReviews("awaiting")}
          </h2>
          {awaiting.length === 0 ? (
            <p className="text-sm text-slate-700">{tReviews("awaitingNone")}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {awaiting.map((a) => (
                <li key={`${a.roundId}-${a.findingId}`}>
                  <Link href={`/projects/${project.id}/studies/${a.studyId}/reviews/${a.roundId}`}>{narrativeFor(a.title, locale).text}</Link>
                  <span className="text-sm text-slate-700"> · {a.roundTitle}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <form method="get" action={`/api/v1/projects/${project.id}/closing-report`} className="mb-6 flex flex-wrap items-end gap-2" aria-label={tClosing("export")}>
        <SelectField name="lang" label={tClosing("language")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tFindings(`languages.${l}`) }))} />
        {(["docx", "pdf"] as const).map((format) => (
          <button key={format} type="submit" name="format" value={format} className="rounded-md border border-slate-400 bg-white px-3 py-2 font-medium text-slate-900">
            {tClosing("title")} · {tClosing(format)}
          </button>
        ))}
      </form>
      <section aria-labelledby="facts" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <FactList facts={facts} />
        {project.description && (
          <div className="mt-4">
            <NarrativeText text={project.description} />
          </div>
        )}
      </section>
      <section aria-labelledby="members">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="members" className="text-lg font-semibold">
            {tMembers("title")} <Badge>{format.number(members.length)}</Badge>
          </h2>
        </div>
        {members.length === 0 ? (
          <EmptyState message={tMembers("empty")} />
        ) : (
          <Table caption={tMembers("title")}>
            <thead>
              <tr>
                <Th>{tMembers("name")}</Th>
                <Th>{tMembers("role")}</Th>
                {members.some((m) => m.email) && <Th>{tMembers("email")}</Th>}
                {canManageMembers && <Th>{tMembers("actions")}</Th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <Td>
                    {canManageMembers ? <Link href={`/admin/users/${m.userId}`}>{m.name}</Link> : (m.name ?? tMembers("anotherPartner"))}
                    {!m.isActive && <span className="ml-2 text-xs text-slate-600">({tMembers("inactive")})</span>}
                  </Td>
                  <Td>{tRoles(m.role)}</Td>
                  {m.email !== null && <Td>{m.email}</Td>}
                  {canManageMembers && (
                    <Td>
                      <RevokeRoleButton action={revokeRoleAction} projectId={project.id} userId={m.userId} name={m.name ?? tMembers("anotherPartner")} />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canManageMembers && (
          <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-medium">{tMembers("addTitle")}</h3>
            <AddMemberForm action={grantRoleAction} projectId={project.id} />
          </div>
        )}
      </section>
    </PageMessages>
  );
}
