"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { issueCertificatesAction } from "../actions";

type Props = { projectId: string; workshopId: string; label: string; participantId?: string; variant?: "primary" | "secondary" };

/** Issues certificates: to one person, or (no `participantId`) to everyone who qualifies and has none. */
export function IssueButton({ projectId, workshopId, label, participantId, variant = "primary" }: Props) {
  const t = useTranslations("certificates");
  const [state, formAction] = useActionState(issueCertificatesAction, idleForm);
  const data = state.data as { issued: number; reissued: number } | undefined;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <FormMessage
        state={data ? { ...state, message: t("issued", data) } : { ...state, message: state.fieldErrors?.participantIds ?? state.fieldErrors?._form ?? state.message }}
      />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      {participantId && <input type="hidden" name="participantIds" value={participantId} />}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
