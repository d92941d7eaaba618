import { exportRoute } from "@/lib/http/export-route";
import { exportParticipants } from "@/lib/participants/use-cases";

export const GET = exportRoute(exportParticipants, "participants", (t) => [
  { header: t("participants.familyNames"), value: (r) => r.familyNames },
  { header: t("participants.givenNames"), value: (r) => r.givenNames },
  { header: t("participants.sex"), value: (r) => t(`participants.sexes.${r.sex}`) },
  { header: t("participants.institution"), value: (r) => r.institution },
  { header: t("participants.position"), value: (r) => r.position },
  { header: t("participants.email"), value: (r) => r.email },
  { header: t("participants.phone"), value: (r) => r.phone },
  { header: t("participants.consentDate"), value: (r) => r.consentDate },
  { header: t("participants.consentForm"), value: (r) => (r.consentForm ? t(`participants.consentForms.${r.consentForm}`) : null) },
]);
