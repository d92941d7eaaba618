import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { getInstitutionStudyLinks } from "@/lib/improvement-actions/for-institution";
import { narrativeFor } from "@/lib/narrative";
import { getInstitution } from "@/lib/institutions/use-cases";
import { listParticipants } from "@/lib/participants/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { InstitutionActions } from "./institution-actions";

export default async function InstitutionPage({ params, searchParams }: { params: Promise<{ institutionId: string }>; searchParams: Promise<{ merged?: string }> }) {
  const ctx = await getPageContext();
  const [{ institutionId }, { merged }] = await Promise.all([params, searchParams]);
  const { institution, parent, children, bodies, workshops: attended, canEdit, canCurate } = unwrapForPage(await getInstitution(ctx, { institutionId }));
  // Partners never see people; staff see those of their own projects.
  const staffView = canEdit ? await listParticipants(ctx, { institutionId: institution.id, pageSize: 50 }) : null;
  const people = staffView?.ok ? staffView.data : null;
  const links = unwrapForPage(await getInstitutionStudyLinks(ctx, { institutionId: institution.id }));
  const [t, tParticipants, ta, format, locale] = await Promise.all([
    getTranslations("institutions"),
    getTranslations("participants"),
    getTranslations("improvementActions"),
    getFormatter(),
    getLocale(),
  ]);
  const facts = [
    { label: t("acronym"), value: institution.acronym || "—" },
    { label: t("country"), value: countryName(institution.country, locale) },
    { label: t("sector"), value: t(`sectors.${institution.sector}`) },
    { label: t("kind"), value: t(`kinds.${institution.kind}`) },
    { label: t("level"), value: t(`levels.${institution.level}`) },
    { label: t("city"), value: institution.city || "—" },
  ];
  const period = (start: string, end: string | null) =>
    end
      ? format.dateTimeRange(calendarDate(start), calendarDate(end), { dateStyle: "medium" })
      : t("since", { date: format.dateTime(calendarDate(start), { dateStyle: "medium" }) });
  return (
    <PageMessages namespaces={["institutions"]}>
      <PageHeader
        title={institution.name}
        actions={
          <>
            {!institution.isActive && <Badge>{t("statuses.archived")}</Badge>}
            {canEdit && <ButtonLink href={`/institutions/${institution.id}/edit`}>{t("edit")}</ButtonLink>}
          </>
        }
      />
      {merged && (
        <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("merged")}
        </p>
      )}
      <section aria-labelledby="facts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
          {facts.map((f) => (
            <div key={f.label}>
              <dt className="text-sm text-slate-600">{f.label}</dt>
              <dd className="font-medium">{f.value}</dd>
            </div>
          ))}
          <div>
            <dt className="text-sm text-slate-600">{t("parent")}</dt>
            <dd className="font-medium">{parent ? <Link href={`/institutions/${parent.id}`}>{parent.name}</Link> : "—"}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">{t("website")}</dt>
            <dd className="break-all font-medium">
              {institution.website ? (
                <a href={institution.website} rel="noopener noreferrer nofollow" target="_blank">
                  {institution.website}
                </a>
              ) : (
                "—"
              )}
            </dd>
          </div>
        </dl>
        {institution.notes && <p className="mt-4 whitespace-pre-line text-slate-800">{institution.notes}</p>}
      </section>
      <section aria-labelledby="children" className="mb-6">
        <h2 id="children" className="mb-2 text-lg font-semibold">
          {t("children")}
        </h2>
        {children.length === 0 ? (
          <EmptyState message={t("noChildren")} />
        ) : (
          <ul className="list-disc pl-6">
            {children.map((c) => (
              <li key={c.id}>
                <Link href={`/institutions/${c.id}`}>{c.name}</Link> {c.acronym && <span className="text-slate-600">({c.acronym})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="bodies" className="mb-6">
        <h2 id="bodies" className="mb-2 text-lg font-semibold">
          {t("bodies")}
        </h2>
        {bodies.length === 0 ? (
          <EmptyState message={t("noBodies")} />
        ) : (
          <Table caption={t("bodies")}>
            <thead>
              <tr>
                <Th>{t("body")}</Th>
                <Th>{t("membershipPeriod")}</Th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.membershipId}>
                  <Td>
                    <Link href={`/bodies/${b.bodyId}`}>{b.acronym || b.name}</Link>
                  </Td>
                  <Td>{period(b.startDate, b.endDate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="workshops" className="mb-6">
        <h2 id="workshops" className="mb-2 text-lg font-semibold">
          {t("workshops")}
        </h2>
        {attended.length === 0 ? (
          <EmptyState message={t("noWorkshops")} />
        ) : (
          <ul className="list-disc pl-6">
            {attended.map((w) => (
              <li key={w.workshopId}>
                <Link href={`/projects/${w.projectId}/workshops/${w.workshopId}`}>{w.title}</Link>{" "}
                <span className="text-slate-600">
                  {format.dateTimeRange(calendarDate(w.startDate), calendarDate(w.endDate), { dateStyle: "medium" })} · {t("peopleCount", { count: w.people })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="study-findings" className="mb-6">
        <h2 id="study-findings" className="mb-2 text-lg font-semibold">
          {t("studyFindings")}
        </h2>
        {links.findings.length === 0 ? (
          <EmptyState message={t("noStudyFindings")} />
        ) : (
          <ul className="list-disc pl-6">
            {links.findings.map((f) => (
              <li key={`${f.id}-${f.role}`}>
                <Link href={`/projects/${f.projectId}/studies/${f.studyId}/findings/${f.id}`}>{narrativeFor(f.title, locale).text}</Link>{" "}
                <span className="text-slate-600">· {t(`evidenceRoles.${f.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="study-actions" className="mb-6">
        <h2 id="study-actions" className="mb-2 text-lg font-semibold">
          {t("studyActions")}
        </h2>
        {links.actions.length === 0 ? (
          <EmptyState message={t("noStudyActions")} />
        ) : (
          <ul className="list-disc pl-6">
            {links.actions.map((a) => (
              <li key={a.id}>
                <Link href={`/projects/${a.projectId}/actions/${a.id}`}>{a.title}</Link>{" "}
                <span className="text-slate-600">
                  · {ta(`statuses.${a.status}`)} · {ta("percent", { value: a.progress })}
                  {a.overdue && ` · ${ta("overdue")}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {people && (
        <section aria-labelledby="people" className="mb-6">
          <h2 id="people" className="mb-2 text-lg font-semibold">
            {t("people")}
          </h2>
          {people.items.length === 0 ? (
            <EmptyState message={t("noPeople")} />
          ) : (
            <ul className="list-disc pl-6">
              {people.items.map((p) => (
                <li key={p.id}>
                  <Link href={`/participants/${p.id}`}>
                    {p.givenNames} {p.familyNames}
                  </Link>
                  {p.position && <span className="text-slate-600"> — {p.position}</span>}
                </li>
              ))}
            </ul>
          )}
          {people.total > people.items.length && <Link href={`/participants?institutionId=${institution.id}`}>{tParticipants("count", { count: people.total })}</Link>}
        </section>
      )}
      {canCurate && (
        <section aria-labelledby="curation" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="curation" className="mb-3 text-lg font-semibold">
            {t("curation")}
          </h2>
          <InstitutionActions institutionId={institution.id} name={institution.name} isActive={institution.isActive} />
        </section>
      )}
    </PageMessages>
  );
}
