"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { addMissionNoteAction } from "../actions";

export function NoteForm({ projectId, missionId }: { projectId: string; missionId: string }) {
  const t = useTranslations("missions");
  const [state, formAction] = useActionState(addMissionNoteAction, idleForm);
  return (
    // React resets the form after each action, so the box is empty for the next note.
    <form action={formAction} className="flex flex-col gap-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="missionId" value={missionId} />
      <TextAreaField name="body" label={t("note")} rows={3} defaultValue={state.status === "error" ? state.values?.body : ""} error={state.fieldErrors?.body} />
      <SubmitButton className="self-start">{t("addNote")}</SubmitButton>
    </form>
  );
}
