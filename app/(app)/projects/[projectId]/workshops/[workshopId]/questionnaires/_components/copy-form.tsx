"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { copyQuestionnaireAction } from "../actions";

type Props = { projectId: string; workshopId: string; sources: { value: string; label: string }[] };

/** Copies a questionnaire of another of the project's workshops into this one, as a draft. */
export function CopyForm({ projectId, workshopId, sources }: Props) {
  const t = useTranslations("questionnaires");
  const [state, formAction] = useActionState(copyQuestionnaireAction, idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={t("copy")}>
      <FormMessage state={{ ...state, message: state.fieldErrors?.kind ?? state.fieldErrors?.sourceId ?? state.message }} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <SelectField name="sourceId" label={t("copyFrom")} options={sources} />
      <SubmitButton variant="secondary">{t("copy")}</SubmitButton>
    </form>
  );
}
