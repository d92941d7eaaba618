"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { reviewAnswers, type ReviewAnswer } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { answerAction } from "../actions";

type Props = { projectId: string; roundId: string; findingId: string; current: { answer: ReviewAnswer; comment: string } | null; label: string };

/** A partner's answer on one finding: agree, disagree or needs change, with a comment. */
export function AnswerForm({ projectId, roundId, findingId, current, label }: Props) {
  const t = useTranslations("reviews");
  const [state, formAction] = useActionState(answerAction, idleForm);
  const chosen = state.values?.answer ?? current?.answer;
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={label} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="findingId" value={findingId} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("yourAnswer")}</legend>
        {reviewAnswers.map((a) => (
          <label key={a} className="flex items-center gap-2">
            <input type="radio" name="answer" value={a} defaultChecked={chosen === a} className="size-4 accent-teal-800" />
            {t(`answers.${a}`)}
          </label>
        ))}
      </fieldset>
      {state.fieldErrors?.answer && <p className="text-sm text-red-800">{state.fieldErrors.answer}</p>}
      <TextAreaField name="comment" id={`comment-${findingId}`} label={t("comment")} rows={2} defaultValue={state.values?.comment ?? current?.comment ?? ""} />
      <SubmitButton className="self-start">{t("send")}</SubmitButton>
    </form>
  );
}
