import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { createWorld, type World } from "@/lib/testing/world";
import { commitResponseImport, previewResponseImport } from "@/lib/imports/evaluations";
import { guessResponseMapping } from "@/lib/imports/evaluation-mapping";
import { percentOf, tally, type Figure } from "./results";
import type { CreateEvaluationInput } from "./schemas";
import { addResponse, createEvaluation, getEvaluationResults, listEvaluations, pinStatement } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const form = (projectId: string, overrides: Partial<CreateEvaluationInput> = {}): CreateEvaluationInput => ({
  projectId,
  title: written("Évaluation finale", "fr"),
  scaleSize: 4,
  agreeLevels: [3, 4],
  minGroupSize: 3,
  groups: [
    { key: "state", name: { original: "fr", fr: "Institutions de l'État", en: "State institutions" } },
    { key: "civil_society", name: { original: "fr", fr: "Société civile", en: "Civil society" } },
    { key: "police", name: { original: "fr", fr: "Police et justice" } },
  ],
  statements: [
    { key: "q1", text: { original: "fr", fr: "La coordination s'est améliorée" } },
    { key: "q2", text: { original: "fr", fr: "Les effets dureront" } },
  ],
  ...overrides,
});

async function setup(overrides: Partial<CreateEvaluationInput> = {}) {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const evaluation = expectOk(await createEvaluation(manager, form(world.projectId, overrides)));
  return { world, manager, evaluation, ids: { projectId: world.projectId, evaluationId: evaluation.id } };
}

const agreeError = (errors: Record<string, unknown> | undefined) => Object.keys(errors ?? {}).some((k) => k.startsWith("agreeLevels"));

const shown = (f: Figure) => (f.shown ? `${f.percent} % of ${f.n}` : f.reason);

/** A CSV as KoboToolbox writes it by default: `;` separators, every cell quoted, metadata columns around the answers. */
function koboCsv(rows: string[][]): Uint8Array {
  const header = [
    "start",
    "end",
    "today",
    "datos/grupo",
    "evaluacion/q1",
    "evaluacion/q2",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
  ];
  const lines = [
    header,
    ...rows.map((r, i) => [
      "2022-07-04T10:00:00",
      "2022-07-04T10:09:00",
      "2022-07-04",
      r[0]!,
      r[1]!,
      r[2]!,
      String(1000 + i),
      r[3]!,
      "2022-07-04T10:09:30",
      "",
      "",
      "submitted_via_web",
      "",
      "vA1",
      "",
      String(i + 1),
    ]),
  ];
  return new TextEncoder().encode(`${lines.map((l) => l.map((c) => `"${c}"`).join(";")).join("\r\n")}\r\n`);
}

async function importInput(ids: { projectId: string; evaluationId: string }, rows: string[][]) {
  const sheet = await readSpreadsheet("kobo.csv", koboCsv(rows));
  return { ...ids, headers: sheet.headers, rows: sheet.rows, mapping: guessResponseMapping(sheet.headers, ["q1", "q2"]) };
}

describe("the rounding rule", () => {
  it("rounds exact halves up and stays exact for large n", () => {
    expect(percentOf(1, 8)).toBe(13); // 12.5
    expect(percentOf(3, 8)).toBe(38); // 37.5
    expect(percentOf(1, 200)).toBe(1); // 0.5
    expect(percentOf(1, 201)).toBe(0); // 0.497…
    expect(percentOf(153, 200)).toBe(77); // 76.5
    expect(percentOf(199, 200)).toBe(100); // 99.5, halves up
    expect(percentOf(1_000_001, 2_000_000)).toBe(50); // 50.00005
    expect(percentOf(1_010_000, 2_000_000)).toBe(51); // 50.5 with a large n
    expect(percentOf(1_009_999, 2_000_000)).toBe(50); // 50.49995
    expect(percentOf(0, 1_000_000)).toBe(0);
    expect(percentOf(1_000_000, 1_000_000)).toBe(100);
    // 0.145 * 100 is 14.499999… in floating point: the integer rule still gives 15 for 29 of 200 (14.5).
    expect(percentOf(29, 200)).toBe(15);
    expect(() => percentOf(0, 0)).toThrow(RangeError);
  });

  it("counts one vote per agreeing level", () => {
    const counted = [
      { level: 4, count: 2 },
      { level: 3, count: 1 },
      { level: 1, count: 1 },
    ];
    expect(tally(counted, 4, [4, 4, 3])).toEqual({ n: 4, agree: 3, distribution: [1, 0, 1, 2] });
  });

  it("rounds halves up in an evaluation's results, overall and per group", async () => {
    const s = await setup({ minGroupSize: 1 });
    for (const q1 of [4, 1, 1, 1, 1, 1, 1, 1]) expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1 } }));
    const { results } = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(shown(results[0]!.overall)).toBe("13 % of 8");
    expect(shown(results[0]!.groups.find((g) => g.key === "state")!.figure)).toBe("13 % of 8");
  });
});

describe("an evaluation's scale", () => {
  it("keeps each agreeing level once and refuses levels off the scale", async () => {
    const s = await setup({ agreeLevels: [4, 3, 4], minGroupSize: 1 });
    expect(s.evaluation.agreeLevels).toEqual([3, 4]);
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 4 } }));
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).results[0]!.overall).toEqual({ shown: true, n: 1, agree: 1, percent: 100 });
    expect(agreeError(expectFailure(await createEvaluation(s.manager, form(s.world.projectId, { agreeLevels: [0] }))).fieldErrors)).toBe(true);
    expect(agreeError(expectFailure(await createEvaluation(s.manager, form(s.world.projectId, { agreeLevels: [6] }))).fieldErrors)).toBe(true);
    expect(agreeError(expectFailure(await createEvaluation(s.manager, form(s.world.projectId, { agreeLevels: [] }))).fieldErrors)).toBe(true);
  });

  it("refuses a level 5 answer on a 4-point scale, entered or imported, and keeps the distribution on four levels", async () => {
    const s = await setup({ minGroupSize: 1 });
    expect(expectFailure(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 5 } })).fieldErrors?.answers).toEqual({ key: "offScale", values: { max: 4 } });
    const input = await importInput(s.ids, [
      ["state", "5", "4", "uuid-1"],
      ["state", "4", "4", "uuid-2"],
    ]);
    const preview = expectOk(await previewResponseImport(s.manager, input));
    expect(preview.rows[0]).toMatchObject({ row: 2, status: "error", errors: { q1: { key: "offScale", values: { max: 4 } } } });
    expectFailure(await commitResponseImport(s.manager, input));
    const { respondents, results } = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(respondents).toBe(0);
    expect(results[0]!.distribution).toBeNull();
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 4 } }));
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).results[0]!.distribution).toEqual([0, 0, 0, 1]);
  });
});

describe("responses", () => {
  it("count a statement left blank nowhere: each statement's n is the people who answered it", async () => {
    const s = await setup({ minGroupSize: 1 });
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 4 } }));
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 2, q2: 4 } }));
    const { respondents, results } = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(respondents).toBe(2);
    expect(shown(results[0]!.overall)).toBe("50 % of 2");
    expect(shown(results[1]!.overall)).toBe("100 % of 1");
    expect(results[1]!.distribution).toEqual([0, 0, 0, 1]);
  });

  it("refuses a response with no answers at all", async () => {
    const s = await setup({ minGroupSize: 1 });
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 4 } }));
    expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1: 3, q2: 3 } }));
    const empty = await addResponse(s.manager, { ...s.ids, group: "state", answers: {} });
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(2);
    expect(empty.ok).toBe(false);
  });

  it("show the threshold exactly at minGroupSize, hide the one group that would give a small one away, and a group never asked as too few", async () => {
    const s = await setup({ minGroupSize: 3 });
    for (const q1 of [4, 4, 1]) expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1 } }));
    for (const q1 of [4, 4]) expectOk(await addResponse(s.manager, { ...s.ids, group: "civil_society", answers: { q1 } }));
    const { results } = expectOk(await getEvaluationResults(await s.world.ctx("partner"), s.ids));
    const byGroup = Object.fromEntries(results[0]!.groups.map((g) => [g.key, shown(g.figure)]));
    expect(byGroup).toEqual({ state: "protectsSmallGroup", civil_society: "tooFew", police: "tooFew" });
    expect(shown(results[0]!.overall)).toBe("80 % of 5");
    expect(shown(results[1]!.overall)).toBe("tooFew");
    expect(results[1]!.distribution).toBeNull();
  });

  it("hold back the overall figure too while fewer than the threshold answered the statement", async () => {
    const s = await setup({ minGroupSize: 3 });
    for (const q1 of [4, 4]) expectOk(await addResponse(s.manager, { ...s.ids, group: "state", answers: { q1 } }));
    expect(shown(expectOk(await getEvaluationResults(s.manager, s.ids)).results[0]!.overall)).toBe("tooFew");
    expectOk(await addResponse(s.manager, { ...s.ids, group: "civil_society", answers: { q1: 1 } }));
    expect(shown(expectOk(await getEvaluationResults(s.manager, s.ids)).results[0]!.overall)).toBe("67 % of 3");
  });

  it("are added by the manager and the field staff, never by a partner, an outsider or someone without the project; a partner reads the results", async () => {
    const s = await setup();
    const answer = async (role: Parameters<World["ctx"]>[0]) => addResponse(await s.world.ctx(role), { ...s.ids, group: "state", answers: { q1: 4 } });
    expectOk(await answer("field"));
    expect(expectFailure(await answer("partner")).error).toBe("forbidden");
    // Someone outside the project is not even told it exists.
    expect(expectFailure(await answer("outsider")).error).toBe("not_found");
    expect(expectFailure(await answer("loner")).error).toBe("not_found");
    expect(expectFailure(await answer("anonymous")).error).not.toBe(undefined);
    const partnerView = expectOk(await getEvaluationResults(await s.world.ctx("partner"), s.ids));
    expect(partnerView.respondents).toBe(1);
    expect(partnerView.canImport).toBe(false);
    expect(partnerView.canPin).toBe(false);
    expect(expectFailure(await getEvaluationResults(await s.world.ctx("outsider"), s.ids)).error).toBe("not_found");
    expect(expectFailure(await listEvaluations(await s.world.ctx("loner"), { projectId: s.world.projectId })).error).toBe("not_found");
  });
});

describe("importing a KoboToolbox CSV export", () => {
  it("reads `;` separated quoted cells, ignores metadata columns, matches groups by key or by name in any language and case, and accepts 4, 4.0 and ' 4 '", async () => {
    const s = await setup({ minGroupSize: 1 });
    const input = await importInput(s.ids, [
      ["STATE", "4", "3", "uuid-1"],
      ["Société civile", "4.0", "", "uuid-2"],
      ["societe CIVILE", " 4 ", "1", "uuid-3"],
      ["Civil society", "1", "2", "uuid-4"],
      ["police et justice", "3", "4", "uuid-5"],
    ]);
    expect(input.mapping).toEqual({ group: 3, externalId: 7, statements: { q1: 4, q2: 5 } });
    expect(expectOk(await previewResponseImport(s.manager, input)).counts).toEqual({ new: 5, existing: 0, error: 0 });
    expect(expectOk(await commitResponseImport(await s.world.ctx("field"), input))).toEqual({ added: 5, skipped: 0 });
    const { results } = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(Object.fromEntries(results[0]!.groups.map((g) => [g.key, shown(g.figure)]))).toEqual({ civil_society: "67 % of 3", police: "100 % of 1", state: "100 % of 1" });
    expect(shown(results[1]!.overall)).toBe("50 % of 4");
  });

  it("adds a `_uuid` repeated inside the file once, and a second import of the file adds no one", async () => {
    const s = await setup({ minGroupSize: 1 });
    const input = await importInput(s.ids, [
      ["state", "4", "4", "uuid-1"],
      ["state", "4", "4", "uuid-1"],
      ["civil_society", "1", "1", "uuid-2"],
    ]);
    const preview = expectOk(await previewResponseImport(s.manager, input));
    expect(preview.counts).toEqual({ new: 2, existing: 1, error: 0 });
    expect(expectOk(await commitResponseImport(s.manager, input))).toEqual({ added: 2, skipped: 1 });
    expect(expectOk(await commitResponseImport(s.manager, input))).toEqual({ added: 0, skipped: 3 });
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(2);
  });

  it("reads a level's wording in any language or its usual choice name, and refuses other text, decimals and zeros, naming the row", async () => {
    const s = await setup();
    // The setup's scale has 4 levels: no middle one.
    const rows = [
      ["state", "Tout à fait d'accord", "4", "uuid-1"],
      ["state", "3.5", "4", "uuid-2"],
      ["state", "0", "4", "uuid-3"],
      ["state", "4", "4", "uuid-4"],
      ["state", "Plutôt oui", "4", "uuid-5"],
      ["state", "totalmente EN DESACUERDO", "strongly_agree", "uuid-6"],
      ["state", "Plutôt d'accord", "De acuerdo", "uuid-7"],
      ["state", "Neither agree nor disagree", "4", "uuid-8"],
    ];
    const input = await importInput(s.ids, rows);
    const preview = expectOk(await previewResponseImport(s.manager, input));
    expect(preview.counts).toEqual({ new: 4, existing: 0, error: 4 });
    expect(preview.rows.filter((r) => r.status === "error").map((r) => r.row)).toEqual([3, 4, 6, 9]);
    expectFailure(await commitResponseImport(s.manager, input));
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(0);
    const worded = await importInput(s.ids, [rows[0]!, rows[3]!, rows[5]!, rows[6]!]);
    expect(expectOk(await commitResponseImport(s.manager, worded)).added).toBe(4);
    const [q1, q2] = expectOk(await getEvaluationResults(s.manager, s.ids)).results;
    expect(q1!.distribution).toEqual([1, 0, 1, 2]);
    expect(q2!.distribution).toEqual([0, 0, 1, 3]);
  });

  it("does not add a respondent for a row with no answer at all", async () => {
    const s = await setup({ minGroupSize: 1 });
    const input = await importInput(s.ids, [
      ["state", "4", "4", "uuid-1"],
      ["state", "", "", "uuid-2"],
    ]);
    const preview = expectOk(await previewResponseImport(s.manager, input));
    expect(preview.rows[1]!.status).not.toBe("new");
  });

  it("asks for the group column when the file has none, and a blank group cell is a row in error", async () => {
    const s = await setup();
    const sheet = await readSpreadsheet("responses.csv", new TextEncoder().encode("q1;q2;_uuid\n4;4;uuid-1\n"));
    const mapping = guessResponseMapping(sheet.headers, ["q1", "q2"]);
    expect(mapping.group).toBeNull();
    expect(expectFailure(await previewResponseImport(s.manager, { ...s.ids, headers: sheet.headers, rows: sheet.rows, mapping })).fieldErrors?.group).toEqual({ key: "required" });
    expect(expectFailure(await commitResponseImport(s.manager, { ...s.ids, headers: sheet.headers, rows: sheet.rows, mapping })).fieldErrors?.group).toEqual({ key: "required" });
    const blank = await importInput(s.ids, [["", "4", "4", "uuid-1"]]);
    expect(expectOk(await previewResponseImport(s.manager, blank)).rows[0]).toMatchObject({ status: "error", errors: { group: { key: "required" } } });
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(0);
  });

  it("is refused into another project's evaluation, and to a partner or an outsider", async () => {
    const s = await setup();
    const outsider = await s.world.ctx("outsider");
    const theirs = expectOk(await createEvaluation(outsider, form(s.world.otherProjectId)));
    const rows = [["state", "4", "4", "uuid-1"]];
    const crossed = await importInput({ projectId: s.world.projectId, evaluationId: theirs.id }, rows);
    expect(expectFailure(await previewResponseImport(s.manager, crossed)).error).toBe("not_found");
    expect(expectFailure(await commitResponseImport(s.manager, crossed)).error).toBe("not_found");
    expect(expectFailure(await addResponse(s.manager, { projectId: s.world.projectId, evaluationId: theirs.id, group: "state", answers: { q1: 4 } })).error).toBe("not_found");
    const ours = await importInput(s.ids, rows);
    expect(expectFailure(await previewResponseImport(await s.world.ctx("partner"), ours)).error).toBe("forbidden");
    expect(expectFailure(await commitResponseImport(outsider, ours)).error).toBe("not_found");
    expect(expectOk(await getEvaluationResults(outsider, { projectId: s.world.otherProjectId, evaluationId: theirs.id })).respondents).toBe(0);
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(0);
  });
});

describe("pinning a figure", () => {
  it("refuses a statement or a group of another evaluation, and a partner or field staff", async () => {
    const s = await setup();
    const other = expectOk(await createEvaluation(s.manager, form(s.world.projectId, { title: written("Autre", "fr") })));
    const mine = expectOk(await getEvaluationResults(s.manager, s.ids));
    const theirs = expectOk(await getEvaluationResults(s.manager, { projectId: s.world.projectId, evaluationId: other.id }));
    const statementId = mine.results[0]!.statementId;
    expect(expectFailure(await pinStatement(s.manager, { ...s.ids, statementId: theirs.results[0]!.statementId, pinned: true })).error).toBe("not_found");
    expect(expectFailure(await pinStatement(s.manager, { ...s.ids, statementId, pinned: true, groupId: theirs.groups[0]!.id })).fieldErrors?.groupId).toEqual({
      key: "invalidChoice",
    });
    expect(expectFailure(await pinStatement(await s.world.ctx("field"), { ...s.ids, statementId, pinned: true })).error).toBe("forbidden");
    expect(expectFailure(await pinStatement(await s.world.ctx("partner"), { ...s.ids, statementId, pinned: true })).error).toBe("forbidden");
    const after = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(after.results.map((r) => [r.pinned, r.pinnedGroupId])).toEqual([
      [false, null],
      [false, null],
    ]);
    const group = mine.groups.find((g) => g.key === "police")!;
    expectOk(await pinStatement(s.manager, { ...s.ids, statementId, pinned: true, groupId: group.id }));
    expectOk(await pinStatement(s.manager, { ...s.ids, statementId, pinned: false, groupId: group.id }));
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).results[0]).toMatchObject({ pinned: false, pinnedGroupId: null });
  });
});
