import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getParticipant } from "@/lib/participants/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateParticipantAction } from "../../actions";
import { ParticipantForm } from "../../_components/participant-form";

export default async function EditParticipantPage({ params }: { params: Promise<{ participantId: string }> }) {
  const ctx = await getPageContext();
  const { participantId } = await params;
  const { participant, institution } = unwrapForPage(await getParticipant(ctx, { participantId }));
  if (participant.isErased) notFound();
  const t = await getTranslations("participants");
  return (
    <PageMessages namespaces={["institutions"]}>
      <PageHeader title={t("edit")} />
      <ParticipantForm action={updateParticipantAction} participant={participant} institution={institution} cancelHref={`/participants/${participant.id}`} />
    </PageMessages>
  );
}
