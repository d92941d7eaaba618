import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PersonAccesses } from "@/components/access-log/person-accesses";
import { PageHeader } from "@/components/ui/page-header";
import { getParticipant } from "@/lib/participants/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { PersonalDataExport } from "./personal-data-export";

/**
 * Everything held about one person, as a readable copy and a JSON download. Opening the page
 * exports nothing: the copy is made, and recorded, when a manager asks for it (a POST).
 */
export default async function ParticipantDataPage({ params }: { params: Promise<{ participantId: string }> }) {
  const ctx = await getPageContext();
  const { participantId } = await params;
  const { participant, alsoKnownElsewhere, canCurate } = unwrapForPage(await getParticipant(ctx, { participantId }));
  if (!canCurate) notFound();
  const t = await getTranslations("participants");
  return (
    <>
      <PageHeader title={t("personalDataTitle", { name: `${participant.givenNames} ${participant.familyNames}`.trim() })} />
      <p className="mb-4 text-sm text-slate-700">{t("personalDataExplain")}</p>
      {alsoKnownElsewhere && <p className="mb-4 text-sm text-slate-700">{t("alsoKnownElsewhere")}</p>}
      <PersonalDataExport participantId={participantId} />
      <PersonAccesses participantId={participantId} />
    </>
  );
}
