import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { calendarDate } from "@/lib/i18n/dates";
import { getParticipant } from "@/lib/participants/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { EraseButton } from "./erase-button";

export default async function ParticipantPage({ params }: { params: Promise<{ participantId: string }> }) {
  const ctx = await getPageContext();
  const { participantId } = await params;
  const { participant, institution, affiliations, projects, alsoKnownElsewhere, attended, canCurate } = unwrapForPage(await getParticipant(ctx, { participantId }));
  const [t, tLanguage, tWorkshops, format] = await Promise.all([getTranslations("participants"), getTranslations("language"), getTranslations("workshops"), getFormatter()]);
  const date = (d: string) => format.dateTime(calendarDate(d), { dateStyle: "medium" });
  const name = participant.isErased ? t("erasedName") : `${participant.givenNames} ${participant.familyNames}`.trim();
  const facts = [
    { label: t("sex"), value: t(`sexes.${participant.sex}`) },
    { label: t("institution"), value: institution ? <Link href={`/institutions/${institution.id}`}>{institution.name}</Link> : "—" },
    { label: t("position"), value: participant.position || "—" },
    { label: t("email"), value: participant.email ?? "—" },
    { label: t("phone"), value: participant.phone ?? "—" },
    { label: t("preferredLanguage"), value: participant.preferredLanguage ? tLanguage(participant.preferredLanguage) : "—" },
    {
      label: t("consent"),
      value:
        participant.consentDate && participant.consentForm
          ? t("consentGiven", { date: date(participant.consentDate), form: t(`consentForms.${participant.consentForm}`) })
          : t("noConsent"),
    },
    {
      label: t("projects"),
      value: (
        <>
          {projects.map((p) => p.code).join(", ") || "—"}
          {alsoKnownElsewhere && <span className="block text-sm text-slate-700">{t("alsoKnownElsewhere")}</span>}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={name}
        actions={
          !participant.isErased && (
            <>
              {canCurate && (
                <ButtonLink href={`/participants/${participant.id}/data`} variant="secondary">
                  {t("personalData")}
                </ButtonLink>
              )}
              <ButtonLink href={`/participants/${participant.id}/edit`}>{t("edit")}</ButtonLink>
            </>
          )
        }
      />
      <section aria-labelledby="facts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <FactList facts={facts} />
      </section>
      <section aria-labelledby="history" className="mb-6">
        <h2 id="history" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        <Table caption={t("history")}>
          <thead>
            <tr>
              <Th>{t("institution")}</Th>
              <Th>{t("position")}</Th>
              <Th>{t("from")}</Th>
              <Th>{t("to")}</Th>
            </tr>
          </thead>
          <tbody>
            {affiliations.map((a) => (
              <tr key={a.id}>
                <Td>{a.institutionName ?? "—"}</Td>
                <Td>{a.position || "—"}</Td>
                <Td>{date(a.startDate)}</Td>
                <Td>{a.endDate ? date(a.endDate) : t("current")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="attendance" className="mb-6">
        <h2 id="attendance" className="mb-2 text-lg font-semibold">
          {t("attendance")}
        </h2>
        {attended.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noAttendance")}</p>
        ) : (
          <Table caption={t("attendance")}>
            <thead>
              <tr>
                <Th>{tWorkshops("title")}</Th>
                <Th>{tWorkshops("period")}</Th>
                <Th>{t("institution")}</Th>
              </tr>
            </thead>
            <tbody>
              {attended.map((a) => (
                <tr key={`${a.workshopId}-${a.day}`}>
                  <Td>
                    <Link href={`/projects/${a.projectId}/workshops/${a.workshopId}`}>{a.title}</Link>
                  </Td>
                  <Td>{date(a.day)}</Td>
                  <Td>{a.institutionName ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {canCurate && !participant.isErased && (
        <section aria-labelledby="erase" className="rounded-lg border border-red-200 bg-white p-4">
          <h2 id="erase" className="mb-2 text-lg font-semibold">
            {t("eraseTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("eraseExplain")}</p>
          <EraseButton participantId={participant.id} name={name} />
        </section>
      )}
    </>
  );
}
