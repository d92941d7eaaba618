import { narrativeFromForm } from "@/lib/narrative-form";

const range = (n: string | undefined) => Array.from({ length: Math.min(Number(n) || 0, 50) }, (_, i) => i);

/** The editor's fields (`questions.0.text.es`, `questions.0.choices.1.es`…) as a questionnaire's input. */
export function questionnaireFromForm(values: Record<string, string>) {
  return {
    ...values,
    title: narrativeFromForm(values, "title"),
    questions: range(values.questionCount).map((i) => ({
      type: values[`questions.${i}.type`],
      text: narrativeFromForm(values, `questions.${i}.text`),
      choices: range(values[`questions.${i}.choiceCount`]).map((c) => narrativeFromForm(values, `questions.${i}.choices.${c}`)),
      correct: values[`questions.${i}.correct`],
      points: values[`questions.${i}.points`],
    })),
  };
}
