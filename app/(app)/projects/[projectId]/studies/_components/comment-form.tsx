"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { commentAction } from "../actions";

type Props = { projectId: string; roundId: string; findingId: string; parentId?: string; label: string };

/** A comment under a finding, or a reply to one. */
export function CommentForm({ projectId, roundId, findingId, parentId, label }: Props) {
  const t = useTranslations("reviews");
  const [state, formAction] = useActionState(commentAction, idleForm);
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={label} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="findingId" value={findingId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <TextAreaField name="body" id={`body-${findingId}-${parentId ?? "top"}`} label={t("commentBody")} rows={2} error={state.fieldErrors?.body} />
      <SubmitButton variant="secondary" className="self-start">
        {parentId ? t("reply") : t("addComment")}
      </SubmitButton>
    </form>
  );
}
