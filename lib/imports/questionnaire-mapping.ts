import { toSearchText } from "@/lib/search-text";

export type QuestionnaireMapping = { externalId: number | null; pairingCode: number | null; questions: Record<string, number | null> };

const comparable = (text: string) => toSearchText(text.replace(/[_’'-]/g, " "));
const pairingNames = ["pairing code", "pairing", "code", "codigo", "codigo emparejamiento", "codigo de emparejamiento", "code appariement", "code d appariement"];

/**
 * The likely columns of a survey export (KoboToolbox's layout first): `_uuid` is the submission id
 * that makes a re-import add no one twice; the pairing code's column is named so in one of the
 * three languages; the nth question's is `q{n}` (or `p{n}`, `question_{n}`, `pregunta_{n}`) or its
 * wording. Kobo joins groups with "/"; a select-multiple split into one 0/1 column per choice
 * (`q3/a`, `q3/b`) is found by its first column.
 */
export function guessQuestionnaireMapping(headers: string[], questions: { id: string; texts: string[] }[]): QuestionnaireMapping {
  const paths = headers.map((h) => h.split("/").map(comparable));
  const find = (names: string[]) => {
    const whole = paths.findIndex((p) => names.includes(p.at(-1)!));
    if (whole !== -1) return whole;
    const split = paths.findIndex((p) => p.length > 1 && names.includes(p.at(-2)!));
    return split === -1 ? null : split;
  };
  const submissionId = headers.findIndex((h) => h.split("/").at(-1)!.trim() === "_uuid");
  return {
    externalId: submissionId === -1 ? null : submissionId,
    pairingCode: find(pairingNames),
    questions: Object.fromEntries(
      questions.map((q, i) => {
        const n = i + 1;
        return [q.id, find([`q${n}`, `p${n}`, `q ${n}`, `p ${n}`, `question ${n}`, `pregunta ${n}`, ...q.texts.map(comparable)])];
      }),
    ),
  };
}
