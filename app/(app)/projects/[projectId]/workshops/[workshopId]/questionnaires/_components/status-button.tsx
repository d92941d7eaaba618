"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { setQuestionnaireStatusAction } from "../actions";

type Props = { projectId: string; workshopId: string; questionnaireId: string; status: "open" | "closed"; label: string };

/** Opens a questionnaire to answers, or closes it. */
export function StatusButton({ projectId, workshopId, questionnaireId, status, label }: Props) {
  const [state, formAction] = useActionState(setQuestionnaireStatusAction, idleForm);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="questionnaireId" value={questionnaireId} />
      <input type="hidden" name="status" value={status} />
      <SubmitButton variant={status === "open" ? "primary" : "secondary"}>{label}</SubmitButton>
    </form>
  );
}
