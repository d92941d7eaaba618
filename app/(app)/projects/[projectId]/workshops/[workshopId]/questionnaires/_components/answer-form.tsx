"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import type { QuestionType } from "@/lib/questionnaires/kinds";
import { addQuestionnaireResponseAction } from "../actions";

type Question = { id: string; type: QuestionType; text: string; choices: string[] };
type Props = {
  projectId: string;
  workshopId: string;
  questionnaireId: string;
  questions: Question[];
  /** The workshop's attendees, to name the person a paper form is from. */
  people: { value: string; label: string }[];
  levels: string[];
};

/**
 * Types in one paper form at a time, keyboard first: the person (or their pairing code), then one
 * group of options per question. After each save the form empties and the person box takes the
 * focus for the next form; a new id is made for each form, so saving twice stores it once.
 */
export function AnswerForm({ projectId, workshopId, questionnaireId, questions, people, levels }: Props) {
  const t = useTranslations("questionnaires");
  const [state, formAction] = useActionState(addQuestionnaireResponseAction, idleForm);
  const [formId, setFormId] = useState(() => crypto.randomUUID());
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "success") return;
    form.current?.reset();
    setFormId(crypto.randomUUID());
    form.current?.querySelector<HTMLElement>("select, input:not([type=hidden])")?.focus();
  }, [state]);
  const optionsOf = (q: Question) =>
    q.type === "true_false"
      ? [t("true"), t("false")].map((label, value) => ({ value, label }))
      : q.type === "agreement"
        ? levels.map((label, i) => ({ value: i + 1, label }))
        : q.choices.map((label, value) => ({ value, label }));
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="questionnaireId" value={questionnaireId} />
      <input type="hidden" name="id" value={formId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="participantId" label={t("person")} options={[{ value: "", label: t("personUnnamed") }, ...people]} error={state.fieldErrors?.participantId} />
        <TextField
          name="pairingCode"
          label={t("pairingCode")}
          hint={t("pairingCodeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={20}
          error={state.fieldErrors?.pairingCode}
        />
      </div>
      {questions.map((q, i) => (
        <fieldset key={q.id} className="rounded-md border border-slate-200 bg-white p-3">
          <legend className="px-1 font-medium">
            {i + 1}. {q.text}
          </legend>
          {q.type === "open" ? (
            <TextAreaField name={`answer.${q.id}`} id={`answer-${q.id}`} label={t("openAnswer")} rows={2} />
          ) : (
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {optionsOf(q).map((o) => (
                <label key={o.value} className="flex items-center gap-2">
                  <input type="radio" name={`answer.${q.id}`} value={o.value} className="size-4" />
                  {o.label}
                </label>
              ))}
            </div>
          )}
          {state.fieldErrors?.[`answers.${q.id}`] && <p className="mt-1 text-sm text-red-800">{state.fieldErrors[`answers.${q.id}`]}</p>}
        </fieldset>
      ))}
      <div>
        <SubmitButton>{t("saveResponse")}</SubmitButton>
      </div>
    </form>
  );
}
