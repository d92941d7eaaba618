import type { Narrative } from "@/db/schema/values";
import type { QuestionType } from "@/lib/questionnaires/kinds";
import { levelOf } from "@/lib/evaluations/answer-cell";
import { feedbackScale } from "@/lib/questionnaires/kinds";
import { toSearchText } from "@/lib/search-text";

/** A question as an imported cell is read against it. */
export type ImportedQuestion = { id: string; type: QuestionType; choices: Narrative[] };

/** What a cell says: the answer as a respondent's form sends it (see scoreAnswers), nothing, or why it cannot be read. */
export type CellAnswer = { value: string } | { error: "invalidChoice" | "oneChoiceOnly" };

// Kobo choice names join words with "_": "policia_nacional" is the choice "Policía Nacional".
const comparable = (text: string) => toSearchText(text.replace(/[_’']/g, " "));
const letters = "abcdefghij";
const truths = ["true", "verdadero", "vrai", "yes", "si", "oui", "v", "t", "1"];
const falsehoods = ["false", "falso", "faux", "no", "non", "f", "0"];

/**
 * The choice a survey cell names, as the index the question stores: a choice's number (from 1), its
 * letter, or its wording in any language or as a Kobo choice name; for true/false, the words for
 * true and false in the three languages. Null when it names none of them.
 */
function choiceIndex(cell: string, question: ImportedQuestion): number | null {
  const wanted = comparable(cell);
  if (question.type === "true_false") {
    if (truths.includes(wanted)) return 0;
    if (falsehoods.includes(wanted)) return 1;
    return null;
  }
  const count = question.choices.length;
  if (/^\d+$/.test(wanted)) return Number(wanted) >= 1 && Number(wanted) <= count ? Number(wanted) - 1 : null;
  if (wanted.length === 1 && letters.indexOf(wanted) !== -1 && letters.indexOf(wanted) < count) return letters.indexOf(wanted);
  const index = question.choices.findIndex((choice) => [choice.fr, choice.es, choice.en].some((text) => text && comparable(text) === wanted));
  return index === -1 ? null : index;
}

/** A survey cell read against its question: blank means unanswered. */
export function readCell(cell: string, question: ImportedQuestion): CellAnswer | null {
  const value = cell.trim();
  if (!value) return null;
  if (question.type === "open") return { value };
  if (question.type === "agreement") {
    const level = levelOf(value, feedbackScale.scaleSize);
    return level !== null && level >= 1 && level <= feedbackScale.scaleSize ? { value: String(level) } : { error: "invalidChoice" };
  }
  const index = choiceIndex(value, question);
  if (index !== null) return { value: String(index) };
  // A select-multiple's own column lists the names chosen, apart by spaces: one of them is an answer, more is not.
  const names = value.split(/\s+/);
  if (names.length > 1 && names.every((name) => choiceIndex(name, question) !== null)) return { error: "oneChoiceOnly" };
  return { error: "invalidChoice" };
}

const pathOf = (header: string) => header.split("/").map((part) => part.trim());

/**
 * The columns of a select-multiple question that KoboToolbox split into one 0/1 column per choice
 * (`q3/a`, `q3/b`…), when `index` is one of them: at least two columns sharing its path but the
 * last part, that last part naming one of the question's choices in each, none mapped to another
 * field, each holding only 0, 1 or nothing. Null otherwise: `group/q1` and `group/comment` are a
 * question and a comment of one group, not one question's choices.
 */
export function splitColumns(headers: string[], rows: string[][], index: number, mapped: Set<number>, question: ImportedQuestion): { index: number; choice: string }[] | null {
  if (question.type !== "single_choice" && question.type !== "true_false") return null;
  const path = pathOf(headers[index] ?? "");
  if (path.length < 2) return null;
  const prefix = path.slice(0, -1).join("/");
  const family = headers.flatMap((header, i) => {
    const parts = pathOf(header);
    return parts.length === path.length && parts.slice(0, -1).join("/") === prefix ? [{ index: i, choice: parts.at(-1)! }] : [];
  });
  if (family.length < 2 || family.some((f) => (f.index !== index && mapped.has(f.index)) || choiceIndex(f.choice, question) === null)) return null;
  const flags = family.every((f) => rows.every((row) => ["", "0", "1"].includes((row[f.index] ?? "").trim())));
  return flags ? family : null;
}

/** The answer a row gives in split columns: the one choice flagged 1, nothing if none is, refused if several are. */
export function readSplitColumns(row: string[], family: { index: number; choice: string }[], question: ImportedQuestion): CellAnswer | null {
  const chosen = family.filter((f) => (row[f.index] ?? "").trim() === "1");
  if (chosen.length === 0) return null;
  if (chosen.length > 1) return { error: "oneChoiceOnly" };
  return readCell(chosen[0]!.choice, question);
}
