import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { questionnaireAnswers, questionnaireResponses } from "@/db/schema";
import { createQuestionnaire, getWorkshopQuestionnaires, setQuestionnaireStatus } from "@/lib/questionnaires/use-cases";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { guessQuestionnaireMapping } from "./questionnaire-mapping";
import { commitQuestionnaireImport, previewQuestionnaireImport } from "./questionnaires";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const choice = (es: string, en: string) => ({ original: "es" as const, es, en });

/** A pre-test of three questions: one single choice, one true/false, and one single choice that Kobo asked as a select-multiple. */
async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const workshop = await insertWorkshop(database.db, world.projectId);
  const ids = { projectId: world.projectId, workshopId: workshop.id };
  const test = expectOk(
    await createQuestionnaire(manager, {
      ...ids,
      kind: "pre_test",
      title: written("Prueba inicial", "es"),
      questions: [
        {
          type: "single_choice",
          text: written("¿Qué es la captación?", "es"),
          choices: [choice("Reclutamiento", "Recruitment"), choice("Traslado", "Transfer"), choice("Acogida", "Harbouring")],
          correct: 0,
          points: 2,
        },
        { type: "true_false", text: written("El consentimiento de la víctima excluye el delito", "es"), correct: 1 },
        { type: "single_choice", text: written("¿Quién coordina la respuesta?", "es"), choices: [choice("CICESCT", "CICESCT"), choice("Alcaldía", "Town hall")], correct: 0 },
      ],
    }),
  );
  expectOk(await setQuestionnaireStatus(manager, { ...ids, questionnaireId: test.id, status: "open" }));
  const questions = expectOk(await getWorkshopQuestionnaires(manager, ids)).questionnaires.find((q) => q.id === test.id)!.questions;
  return { world, manager, ids: { ...ids, questionnaireId: test.id }, questions };
}

/** A KoboToolbox CSV export: grouped names, a row of HXL hashtags, the third question split into one 0/1 column per choice. */
const koboCsv = [
  "start,prueba/codigo,prueba/q1,prueba/q2,prueba/q3/cicescT,prueba/q3/alcaldia,_id,_uuid",
  "#date,#code,#q1,#q2,#q3,#q3,#id,#uuid",
  "2021-05-11,MA07,reclutamiento,false,1,0,1,uuid-1",
  "2021-05-11,jo 15,2,verdadero,0,1,2,uuid-2",
  "2021-05-11,LU3,Harbouring,faux,0,0,3,uuid-3",
].join("\n");

async function koboSheet() {
  return readSpreadsheet("prueba.csv", new TextEncoder().encode(koboCsv));
}

describe("importing a questionnaire's answers from a KoboToolbox export", () => {
  it("skips the HXL row, finds the columns (split choices included), scores each submission, and adds each once", async () => {
    const s = await setup();
    const sheet = await koboSheet();
    expect(sheet.rows).toHaveLength(3);
    const mapping = guessQuestionnaireMapping(
      sheet.headers,
      s.questions.map((q) => ({ id: q.id, texts: [] })),
    );
    expect([mapping.externalId, mapping.pairingCode, ...Object.values(mapping.questions)]).toEqual([7, 1, 2, 3, 4]);
    const input = { ...s.ids, ...sheet, mapping };
    const preview = expectOk(await previewQuestionnaireImport(s.manager, input));
    expect(preview.counts).toEqual({ new: 3, existing: 0, error: 0 });
    expect(expectOk(await commitQuestionnaireImport(s.manager, input))).toEqual({ added: 3, skipped: 0 });
    const stored = await database.db
      .select({ code: questionnaireResponses.pairingCode, score: questionnaireResponses.score, max: questionnaireResponses.maxScore, source: questionnaireResponses.source })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.questionnaireId, s.ids.questionnaireId));
    // MA07: all right (2 + 1 + 1); JO15: the second choice, "true", the town hall; LU03: the third choice, "false", no flag set.
    expect(stored.map((r) => [r.code, r.score, r.max, r.source]).sort()).toEqual([
      ["JO15", 0, 4, "imported"],
      ["LU03", 1, 4, "imported"],
      ["MA07", 4, 4, "imported"],
    ]);
    const third = s.questions[2]!.id;
    const answered = await database.db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.questionId, third));
    expect(answered.map((a) => a.choice).sort()).toEqual([0, 1]);
    // The same file again adds no one.
    expect(expectOk(await previewQuestionnaireImport(s.manager, input)).counts).toEqual({ new: 0, existing: 3, error: 0 });
    expect(expectOk(await commitQuestionnaireImport(s.manager, input))).toEqual({ added: 0, skipped: 3 });
  });

  it("refuses the whole file, naming each row and question, for a choice it does not know, two flags on one choice question, and a bad pairing code", async () => {
    const s = await setup();
    const sheet = await koboSheet();
    const rows = [
      ["2021-05-11", "MA07", "Explotación", "false", "1", "0", "1", "uuid-a"],
      ["2021-05-11", "JO15", "1", "true", "1", "1", "2", "uuid-b"],
      ["2021-05-11", "77", "1", "quizás", "0", "0", "3", "uuid-c"],
      ["2021-05-11", "", "1", "true", "0", "0", "4", "uuid-d"],
    ];
    const mapping = guessQuestionnaireMapping(
      sheet.headers,
      s.questions.map((q) => ({ id: q.id, texts: [] })),
    );
    const [q1, q2, q3] = s.questions.map((q) => q.id);
    const input = { ...s.ids, headers: sheet.headers, rows, mapping };
    const preview = expectOk(await previewQuestionnaireImport(s.manager, input));
    expect(preview.rows.map((r) => r.errors)).toEqual([
      { [q1!]: { key: "invalidChoice" } },
      { [q3!]: { key: "oneChoiceOnly" } },
      { [q2!]: { key: "invalidChoice" }, pairingCode: { key: "pairingCodeShape" } },
      { pairingCode: { key: "pairingCodeNeeded" } },
    ]);
    const failure = expectFailure(await commitQuestionnaireImport(s.manager, input));
    expect(failure.error).toBe("invalid");
    expect(Object.keys(failure.fieldErrors!)).toContain(`row 3 · ${q3}`);
    const stored = await database.db
      .select()
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.questionnaireId, s.ids.questionnaireId)));
    expect(stored).toEqual([]);
  });

  it("takes a group's other columns for a group, not for one question's choices, and wants every row's id when the id column is mapped", async () => {
    const s = await setup();
    const [, q2] = s.questions.map((q) => q.id);
    const input = {
      ...s.ids,
      headers: ["codigo", "grp/q2", "grp/comment", "_uuid"],
      rows: [
        ["MA07", "0", "", "u1"],
        ["JO15", "1", "", ""],
      ],
      mapping: { externalId: 3, pairingCode: 0, questions: { [q2!]: 1 } },
    };
    const preview = expectOk(await previewQuestionnaireImport(s.manager, input));
    expect(preview.rows.map((r) => [r.status, r.errors])).toEqual([
      ["new", {}],
      ["error", { externalId: { key: "required" } }],
    ]);
  });

  it("recognises the rows of a file without ids by what they hold, so a second import adds no one", async () => {
    const s = await setup();
    const [q1] = s.questions.map((q) => q.id);
    const input = {
      ...s.ids,
      headers: ["codigo", "q1"],
      rows: [
        ["MA07", "a"],
        ["MA07", "a"],
        ["JO15", "b"],
      ],
      mapping: { pairingCode: 0, questions: { [q1!]: 1 } },
    };
    expect(expectOk(await commitQuestionnaireImport(s.manager, input))).toEqual({ added: 3, skipped: 0 });
    expect(expectOk(await commitQuestionnaireImport(s.manager, input))).toEqual({ added: 0, skipped: 3 });
  });

  it("reads a select-multiple's own column: one name is the answer, several are refused", async () => {
    const s = await setup();
    const [q1, , q3] = s.questions.map((q) => q.id);
    const input = {
      ...s.ids,
      headers: ["codigo", "q1", "q3", "_uuid"],
      rows: [
        ["MA07", "a", "cicesct", "u1"],
        ["JO15", "reclutamiento traslado", "alcaldia", "u2"],
      ],
      mapping: { externalId: 3, pairingCode: 0, questions: { [q1!]: 1, [q3!]: 2 } },
    };
    const preview = expectOk(await previewQuestionnaireImport(s.manager, input));
    expect(preview.rows.map((r) => [r.status, r.errors])).toEqual([
      ["new", {}],
      ["error", { [q1!]: { key: "oneChoiceOnly" } }],
    ]);
  });

  it("refuses a draft questionnaire, another workshop's questionnaire and a question that is not the questionnaire's", async () => {
    const s = await setup();
    const other = await insertWorkshop(database.db, s.world.projectId);
    const base = { ...s.ids, headers: ["codigo", "q1"], rows: [["MA07", "a"]], mapping: { pairingCode: 0, questions: { [s.questions[0]!.id]: 1 } } };
    expect(expectFailure(await previewQuestionnaireImport(s.manager, { ...base, workshopId: other.id })).error).toBe("not_found");
    expect(expectFailure(await previewQuestionnaireImport(s.manager, { ...base, mapping: { questions: { [crypto.randomUUID()]: 0 } } })).error).toBe("invalid");
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, status: "closed" }));
    // Closed to respondents, paper and survey answers still come in.
    expect(expectOk(await previewQuestionnaireImport(s.manager, base)).counts).toEqual({ new: 1, existing: 0, error: 0 });
    const draft = expectOk(
      await createQuestionnaire(s.manager, { ...s.ids, kind: "feedback", title: written("Opinión", "es"), questions: [{ type: "open", text: written("¿Qué mejoraría?", "es") }] }),
    );
    expect(expectFailure(await previewQuestionnaireImport(s.manager, { ...base, questionnaireId: draft.id, mapping: { questions: {} } })).fieldErrors).toEqual({
      _form: { key: "questionnaireDraft" },
    });
    const partner = await s.world.ctx("partner");
    expect(expectFailure(await previewQuestionnaireImport(partner, base)).error).toBe("forbidden");
  });
});
