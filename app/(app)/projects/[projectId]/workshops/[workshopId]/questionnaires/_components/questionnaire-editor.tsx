"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TranslatedFields } from "@/components/translated-fields";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Narrative } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { questionKinds, type QuestionnaireKind, type QuestionType } from "@/lib/questionnaires/kinds";
import { createQuestionnaireAction, updateQuestionnaireAction } from "../actions";

type StoredQuestion = { type: QuestionType; text: Narrative; choices: Narrative[]; correct: number | null; points: number };
type Props = {
  projectId: string;
  workshopId: string;
  kind: QuestionnaireKind;
  /** The questionnaire being rewritten; none for a new one. */
  stored?: { id: string; version: number; title: Narrative; questions: StoredQuestion[] };
};

type Draft = { type: QuestionType; choices: number; correct: string; points: string };

/** Writes a questionnaire: its title and questions in each language, each test question with its right answer and points. */
export function QuestionnaireEditor({ projectId, workshopId, kind, stored }: Props) {
  const t = useTranslations("questionnaires");
  const [state, formAction] = useActionState(stored ? updateQuestionnaireAction : createQuestionnaireAction, idleForm);
  const types = questionKinds[kind];
  const [drafts, setDrafts] = useState<Draft[]>(
    stored?.questions.map((q) => ({ type: q.type, choices: q.choices.length, correct: q.correct === null ? "" : String(q.correct), points: String(q.points) })) ?? [
      { type: types[0]!, choices: types[0] === "single_choice" ? 3 : 0, correct: "", points: "1" },
    ],
  );
  const change = (i: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const isTest = kind !== "feedback";
  const textFields = [
    { name: "title", label: t("titleField") },
    ...drafts.flatMap((d, i) => [
      { name: `questions.${i}.text`, label: t("questionText", { n: i + 1 }) },
      ...Array.from({ length: d.type === "single_choice" ? d.choices : 0 }, (_, c) => ({
        name: `questions.${i}.choices.${c}`,
        label: t("choiceText", { n: i + 1, choice: c + 1 }),
      })),
    ]),
  ];
  const storedTexts: Record<string, Narrative | null> = stored
    ? {
        title: stored.title,
        ...Object.fromEntries(
          stored.questions.flatMap((q, i) => [[`questions.${i}.text`, q.text] as const, ...q.choices.map((c, n) => [`questions.${i}.choices.${n}`, c] as const)]),
        ),
      }
    : {};
  const errors = state.fieldErrors;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="questionCount" value={drafts.length} />
      {stored && <input type="hidden" name="questionnaireId" value={stored.id} />}
      {stored && <input type="hidden" name="version" value={stored.version} />}
      <ol className="flex flex-col gap-3">
        {drafts.map((d, i) => (
          <li key={i} className="rounded-md border border-slate-200 bg-white p-3">
            <fieldset className="flex flex-wrap items-end gap-3">
              <legend className="mb-2 font-medium">{t("question", { n: i + 1 })}</legend>
              <input type="hidden" name={`questions.${i}.choiceCount`} value={d.type === "single_choice" ? d.choices : 0} />
              <SelectField
                name={`questions.${i}.type`}
                id={`question-${i}-type`}
                label={t("type")}
                value={d.type}
                onChange={(e) => change(i, { type: e.target.value as QuestionType, correct: "", choices: e.target.value === "single_choice" ? Math.max(d.choices, 2) : 0 })}
                options={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
                error={errors?.[`questions.${i}.type`]}
              />
              {d.type === "single_choice" && (
                <TextField
                  name={`questions.${i}.choicesShown`}
                  id={`question-${i}-choices`}
                  label={t("choiceCount")}
                  type="number"
                  min={2}
                  max={10}
                  value={d.choices}
                  onChange={(e) => change(i, { choices: Math.min(Math.max(Number(e.target.value) || 2, 2), 10) })}
                  error={errors?.[`questions.${i}.choices`]}
                />
              )}
              {isTest && (
                <>
                  <SelectField
                    name={`questions.${i}.correct`}
                    id={`question-${i}-correct`}
                    label={t("correct")}
                    value={d.correct}
                    onChange={(e) => change(i, { correct: e.target.value })}
                    options={[
                      { value: "", label: "—" },
                      ...(d.type === "true_false"
                        ? [
                            { value: "0", label: t("true") },
                            { value: "1", label: t("false") },
                          ]
                        : Array.from({ length: d.choices }, (_, c) => ({ value: String(c), label: t("choiceNumber", { choice: c + 1 }) }))),
                    ]}
                    error={errors?.[`questions.${i}.correct`]}
                  />
                  <TextField
                    name={`questions.${i}.points`}
                    id={`question-${i}-points`}
                    label={t("points")}
                    type="number"
                    min={1}
                    max={100}
                    value={d.points}
                    onChange={(e) => change(i, { points: e.target.value })}
                    error={errors?.[`questions.${i}.points`]}
                  />
                </>
              )}
              {drafts.length > 1 && (
                <Button variant="ghost" onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>
                  {t("removeQuestion", { n: i + 1 })}
                </Button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button variant="secondary" onClick={() => setDrafts((all) => [...all, { type: types[0]!, choices: types[0] === "single_choice" ? 3 : 0, correct: "", points: "1" }])}>
          {t("addQuestion")}
        </Button>
      </div>
      <TranslatedFields fields={textFields} stored={storedTexts} typed={state.values} errors={errors} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
