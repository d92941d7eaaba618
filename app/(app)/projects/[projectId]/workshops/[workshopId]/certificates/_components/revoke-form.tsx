"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { revokeCertificateAction } from "../actions";

type Props = { projectId: string; workshopId: string; certificateId: string; holder: string };

/** Revokes one certificate, with its reason, after a confirmation. */
export function RevokeForm({ projectId, workshopId, certificateId, holder }: Props) {
  const t = useTranslations("certificates");
  const tCommon = useTranslations("common");
  const [state, formAction] = useActionState(revokeCertificateAction, idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={`${t("revoke")} — ${holder}`} noValidate>
      <FormMessage state={{ ...state, message: state.fieldErrors?._form ?? state.message }} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="certificateId" value={certificateId} />
      <TextField name="reason" id={`revoke-reason-${certificateId}`} label={t("revokeReason")} defaultValue={state.values?.reason ?? ""} error={state.fieldErrors?.reason} />
      <ConfirmSubmit label={t("revoke")} question={t("revokeConfirm")} confirmLabel={t("revoke")} cancelLabel={tCommon("cancel")} />
    </form>
  );
}
