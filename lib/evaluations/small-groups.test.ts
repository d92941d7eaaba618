import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { documentToPdf } from "@/lib/documents/pdf";
import { wordingFor } from "@/lib/i18n/wording";
import { getClosingReport } from "@/lib/reports/closing-report";
import { closingReportDocument } from "@/lib/reports/closing-report-document";
import { getDashboard } from "@/lib/reports/dashboard";
import { getPortfolio } from "@/lib/reports/portfolio";
import { pdfText } from "@/lib/testing/documents";
import { expectOk, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import type { Figure } from "./results";
import { addResponse, createEvaluation, getEvaluationResults, pinStatement } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const threshold = 5;

/**
 * Eighteen people with a threshold of five: nine of the state (six agree), seven of civil society
 * (four agree) and two police officers, both agreeing. Before small groups were hidden for real,
 * the police group carried "2, both agree", and everyone (12 of 18) minus the others (6 of 9, 4 of 7)
 * gave it too.
 */
async function evaluationWithOneSmallGroup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const evaluation = expectOk(
    await createEvaluation(manager, {
      projectId: world.projectId,
      title: written("Évaluation finale", "fr"),
      scaleSize: 4,
      agreeLevels: [3, 4],
      minGroupSize: threshold,
      groups: [
        { key: "state", name: { original: "fr", fr: "Institutions de l'État" } },
        { key: "civil_society", name: { original: "fr", fr: "Société civile" } },
        { key: "police", name: { original: "fr", fr: "Police et justice" } },
      ],
      statements: [{ key: "q1", text: { original: "fr", fr: "La coordination s'est améliorée" } }],
    }),
  );
  const ids = { projectId: world.projectId, evaluationId: evaluation.id };
  const answers: [string, number[]][] = [
    ["state", [4, 4, 4, 3, 3, 3, 1, 1, 2]],
    ["civil_society", [4, 4, 3, 3, 1, 2, 2]],
    ["police", [4, 4]],
  ];
  for (const [group, levels] of answers) for (const q1 of levels) expectOk(await addResponse(manager, { ...ids, group, answers: { q1 } }));
  return { world, manager, ids };
}

type Published = { overall: Figure; groups: { key: string; figure: Figure }[] };

/**
 * What can be worked out about the groups that are not shown: everyone's figure minus the groups
 * shown gives them taken together, so there must be at least two of them holding together at
 * least the threshold, or everyone's figure must be withheld too.
 */
function hiddenTogether({ overall, groups }: Published) {
  const hidden = groups.filter((g) => !g.figure.shown);
  if (!overall.shown) return { groups: hidden.length, answers: null };
  const shownAnswers = groups.reduce((n, g) => n + (g.figure.shown ? g.figure.n : 0), 0);
  return { groups: hidden.length, answers: overall.n - shownAnswers };
}

const police = (r: Published) => r.groups.find((g) => g.key === "police")!.figure;

describe("a group under the threshold", () => {
  it("carries neither its n, nor its count, nor a spread, and the overall and the other groups do not give it away", async () => {
    const { world, ids } = await evaluationWithOneSmallGroup();
    for (const role of ["manager", "partner"] as const) {
      const [q1] = expectOk(await getEvaluationResults(await world.ctx(role), ids)).results;
      expect(police(q1!)).toEqual({ shown: false, reason: "tooFew" });
      // The next smallest group goes with it, so that 18 minus the state's 9 is two groups together.
      expect(q1!.groups.find((g) => g.key === "civil_society")!.figure).toEqual({ shown: false, reason: "protectsSmallGroup" });
      expect(q1!.groups.find((g) => g.key === "state")!.figure).toEqual({ shown: true, n: 9, agree: 6, percent: 67 });
      expect(q1!.overall).toEqual({ shown: true, n: 18, agree: 12, percent: 67 });
      expect(q1!.distribution).toEqual([3, 3, 5, 7]);
      expect(hiddenTogether(q1!)).toEqual({ groups: 2, answers: 9 });
    }
  });

  it("is sent the same way in the API's JSON answer: only that it has too few answers", async () => {
    const { world, ids } = await evaluationWithOneSmallGroup();
    // The /api/v1 handler answers the use case's data as `Response.json` writes it.
    const answer = JSON.parse(JSON.stringify(expectOk(await getEvaluationResults(await world.ctx("partner"), ids)))) as {
      groups: { id: string; key: string }[];
      results: { overall: Figure; groups: { groupId: string; key: string; figure: Figure }[] }[];
    };
    const policeId = answer.groups.find((g) => g.key === "police")!.id;
    const [q1] = answer.results;
    expect(q1!.groups.find((g) => g.groupId === policeId)).toEqual({ groupId: policeId, key: "police", figure: { shown: false, reason: "tooFew" } });
    expect(hiddenTogether(q1!)).toEqual({ groups: 2, answers: 9 });
    expect(JSON.stringify(q1!.groups.filter((g) => !g.figure.shown))).not.toMatch(/"(n|agree|percent|distribution)"/);
  });

  it("gives no figure on the dashboard or the portfolio when pinned, nor for the group that covers it", async () => {
    const { world, manager, ids } = await evaluationWithOneSmallGroup();
    const { results, groups } = expectOk(await getEvaluationResults(manager, ids));
    const statementId = results[0]!.statementId;
    const pinnedAs = async (groupKey: string | null) => {
      const groupId = groupKey ? groups.find((g) => g.key === groupKey)!.id : null;
      expectOk(await pinStatement(manager, { ...ids, statementId, pinned: true, groupId }));
      const board = expectOk(await getDashboard(await world.ctx("partner"), { projectId: world.projectId }));
      const portfolio = expectOk(await getPortfolio(await world.ctx("admin"), {})).find((p) => p.id === world.projectId)!;
      expect(portfolio.pinned.map((p) => p.figure)).toEqual(board.pinned.map((p) => p.figure));
      return board.pinned.map((p) => p.figure);
    };
    expect(await pinnedAs("police")).toEqual([{ shown: false, reason: "tooFew" }]);
    expect(await pinnedAs("civil_society")).toEqual([{ shown: false, reason: "protectsSmallGroup" }]);
    expect(await pinnedAs("state")).toEqual([{ shown: true, n: 9, agree: 6, percent: 67 }]);
    expect(await pinnedAs(null)).toEqual([{ shown: true, n: 18, agree: 12, percent: 67 }]);
  });

  it("has no figure in the closing report, in Word or PDF, in any language", async () => {
    const { world } = await evaluationWithOneSmallGroup();
    const report = expectOk(await getClosingReport(await world.ctx("partner"), { projectId: world.projectId }));
    const french = await docxText(await documentToDocx(closingReportDocument(report, "fr", wordingFor("fr"))));
    expect(french).toContain("67 % de 18 — La coordination s'est améliorée");
    expect(french).toContain("Institutions de l'État: 67 % de 9");
    expect(french).toContain("Police et justice: Trop peu de réponses");
    expect(french).toContain("Société civile: Masqué pour protéger un petit groupe");
    const english = (await pdfText(await documentToPdf(closingReportDocument(report, "en", wordingFor("en"))))).text;
    expect(english).toContain("Police et justice: Too few answers");
    expect(english).toContain("Société civile: Withheld to protect a small group");
    for (const text of [french, english]) {
      // Police: 2 answers, 100 %; civil society: 7 answers, 57 %.
      expect(text).not.toMatch(/\(2\)|de 2\b|of 2\b|de 7\b|of 7\b|57 %|100 %/);
    }
  });
});
