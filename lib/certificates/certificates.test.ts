import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { certificates } from "@/db/schema";
import { createIndicator, getIndicator } from "@/lib/indicators/use-cases";
import { createResult } from "@/lib/logic-model/use-cases";
import { addQuestionnaireResponse, createQuestionnaire, getWorkshopQuestionnaires, setQuestionnaireStatus } from "@/lib/questionnaires/use-cases";
import { createTestDatabase } from "@/db/testing";
import { recordCheckIns } from "@/lib/attendance/use-cases";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { publicLimitPerMinute } from "@/lib/public-limit";
import { pdfText } from "@/lib/testing/documents";
import { expectFailure, expectOk, snapshotCounts, uniqueTag, written } from "@/lib/testing/helpers";
import { checkInItem, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { newCode, normaliseCode } from "./code";
import { certificatesPdf } from "./document";
import { meetsAttendance } from "./roster";
import { getCertificatesFile, getWorkshopCertificates, issueCertificates, revokeCertificate, setCertificateRule } from "./use-cases";
import { initialsOf, verifyCertificate } from "./verification";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const fiveDays = ["2019-06-17", "2019-06-18", "2019-06-19", "2019-06-20", "2019-06-21"];

/** A five-day workshop: Ana came 5 days, Luis 4, Rosa 3. */
async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const workshop = await insertWorkshop(database.db, world.projectId, { startDate: fiveDays[0], endDate: fiveDays[4], title: "Curso de investigación", city: "Tegucigalpa" });
  const tag = uniqueTag();
  const ana = await insertPerson(database.db, world.projectId, "Ana María", `Cruz ${tag}`, "woman");
  const luis = await insertPerson(database.db, world.projectId, "Luis", `Paz ${tag}`, "man");
  const rosa = await insertPerson(database.db, world.projectId, "Rosa", `Lara ${tag}`, "woman");
  const items = [
    ...fiveDays.map((d) => checkInItem(ana.id, d)),
    ...fiveDays.slice(0, 4).map((d) => checkInItem(luis.id, d)),
    ...fiveDays.slice(0, 3).map((d) => checkInItem(rosa.id, d)),
  ];
  expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items }));
  const ids = { projectId: world.projectId, workshopId: workshop.id };
  const roster = async () => expectOk(await getWorkshopCertificates(manager, ids));
  return { world, manager, workshop, ids, ana, luis, rosa, roster };
}

const address = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("the certificate rule", () => {
  it("qualifies at the minimum share exactly: 4 of 5 days meets 80 %, 3 of 5 does not", async () => {
    expect([meetsAttendance(4, 5, 80), meetsAttendance(3, 5, 80), meetsAttendance(1, 2, 50), meetsAttendance(1, 3, 34)]).toEqual([true, false, true, false]);
    const s = await setup();
    const byName = async () => Object.fromEntries((await s.roster()).people.map((p) => [p.givenNames, [p.attendancePercent, p.notQualified]]));
    expect(await byName()).toEqual({ "Ana María": [100, null], Luis: [80, null], Rosa: [60, "attendance"] });
    expectOk(await setCertificateRule(s.manager, { ...s.ids, minAttendancePercent: 60, hours: 40, version: 0 }));
    expect((await byName()).Rosa).toEqual([60, null]);
  });

  it("refuses a rule above 100 % or a stale one, and changes nothing", async () => {
    const s = await setup();
    expect(expectFailure(await setCertificateRule(s.manager, { ...s.ids, minAttendancePercent: 101, hours: "", version: 0 })).fieldErrors).toHaveProperty("minAttendancePercent");
    expectOk(await setCertificateRule(s.manager, { ...s.ids, minAttendancePercent: 90, hours: "", version: 0 }));
    expect(expectFailure(await setCertificateRule(s.manager, { ...s.ids, minAttendancePercent: 50, hours: "", version: 0 })).error).toBe("stale");
    expect((await s.roster()).rule).toMatchObject({ minAttendancePercent: 90, hours: null, version: 1 });
  });
});

describe("the certificate rule with a post-test score", () => {
  it("also asks the post-test at the score exactly: 3 of 4 points meets 75 %, 2 of 4 or no post-test does not", async () => {
    const s = await setup();
    const questionnaire = expectOk(
      await createQuestionnaire(s.manager, {
        ...s.ids,
        kind: "post_test",
        title: written("Prueba final", "es"),
        questions: [
          { type: "true_false", text: written("Uno", "es"), correct: 0, points: 1 },
          { type: "true_false", text: written("Dos", "es"), correct: 0, points: 3 },
        ],
      }),
    );
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: questionnaire.id, status: "open" }));
    const [one, two] = expectOk(await getWorkshopQuestionnaires(s.manager, s.ids)).questionnaires[0]!.questions;
    const take = async (participantId: string, answers: Record<string, string>) =>
      expectOk(await addQuestionnaireResponse(s.manager, { ...s.ids, questionnaireId: questionnaire.id, id: crypto.randomUUID(), participantId, answers }));
    await take(s.ana.id, { [one!.id]: "1", [two!.id]: "0" });
    await take(s.luis.id, { [one!.id]: "1", [two!.id]: "1" });
    expectOk(await setCertificateRule(s.manager, { ...s.ids, minAttendancePercent: 60, hours: "", minPostTestPercent: 75, version: 0 }));
    const byName = Object.fromEntries((await s.roster()).people.map((p) => [p.givenNames, p.notQualified]));
    // Ana: 3 of 4 points; Luis: 0 of 4; Rosa came 3 days of 5 but took no post-test.
    expect(byName).toEqual({ "Ana María": null, Luis: "postTest", Rosa: "postTest" });
    expect(expectFailure(await issueCertificates(s.manager, { ...s.ids, participantIds: [s.luis.id] })).fieldErrors).toEqual({
      participantIds: { key: "certificateNotQualified" },
    });
  });
});

describe("issuing and revoking", () => {
  it("issues to everyone who qualifies, refuses someone who does not without writing anything, and keeps the code when issued again", async () => {
    const s = await setup();
    const before = await snapshotCounts(database.db, { certificates });
    expect(expectFailure(await issueCertificates(s.manager, { ...s.ids, participantIds: [s.ana.id, s.rosa.id] })).fieldErrors).toEqual({
      participantIds: { key: "certificateNotQualified" },
    });
    expect(await snapshotCounts(database.db, { certificates })).toEqual(before);
    expect(expectOk(await issueCertificates(s.manager, s.ids))).toEqual({ issued: 2, reissued: 0 });
    const first = (await s.roster()).people.find((p) => p.participantId === s.ana.id)!.certificate!;
    expect(normaliseCode(first.code)).toBe(first.code);
    expect(expectOk(await issueCertificates(s.manager, { ...s.ids, participantIds: [s.ana.id] }))).toEqual({ issued: 0, reissued: 1 });
    expect((await s.roster()).people.find((p) => p.participantId === s.ana.id)!.certificate!.code).toBe(first.code);
    expect(expectOk(await issueCertificates(s.manager, s.ids))).toEqual({ issued: 0, reissued: 0 });
  });

  it("revokes with a reason, once; a revoked certificate is not issued again", async () => {
    const s = await setup();
    expectOk(await issueCertificates(s.manager, s.ids));
    const certificate = (await s.roster()).people.find((p) => p.participantId === s.luis.id)!.certificate!;
    expect(expectFailure(await revokeCertificate(s.manager, { ...s.ids, certificateId: certificate.id, reason: " " })).fieldErrors).toHaveProperty("reason");
    expectOk(await revokeCertificate(s.manager, { ...s.ids, certificateId: certificate.id, reason: "Nombre equivocado" }));
    expect(expectFailure(await revokeCertificate(s.manager, { ...s.ids, certificateId: certificate.id, reason: "Otra vez" })).error).toBe("conflict");
    expect(expectFailure(await issueCertificates(s.manager, { ...s.ids, participantIds: [s.luis.id] })).fieldErrors).toEqual({ _form: { key: "certificateRevoked" } });
    expect((await s.roster()).people.find((p) => p.participantId === s.luis.id)!.certificate).toMatchObject({ revocationReason: "Nombre equivocado" });
  });

  it("lets field staff read the list but not issue; a partner and another project's manager reach nothing", async () => {
    const s = await setup();
    expectOk(await getWorkshopCertificates(await s.world.ctx("field"), s.ids));
    expect(expectFailure(await issueCertificates(await s.world.ctx("field"), s.ids)).error).toBe("forbidden");
    expect(expectFailure(await getWorkshopCertificates(await s.world.ctx("partner"), s.ids)).error).toBe("forbidden");
    expect(expectFailure(await issueCertificates(await s.world.ctx("outsider"), s.ids)).error).toBe("not_found");
    const other = await createWorld(database.db);
    // A workshop of this project named under another project the manager runs is not found there.
    expect(expectFailure(await issueCertificates(await other.ctx("manager"), { projectId: other.projectId, workshopId: s.workshop.id })).error).toBe("not_found");
  });
});

describe("the certificates' PDF", () => {
  it("holds one page per valid certificate, each with the holder's name, the workshop and its code, in the language asked for", async () => {
    const s = await setup();
    expectOk(await issueCertificates(s.manager, s.ids));
    const file = expectOk(await getCertificatesFile(s.manager, { ...s.ids, lang: "es" }));
    expect(file.certificates.map((c) => c.name).sort()).toEqual([`Ana María ${s.ana.familyNames}`, `Luis ${s.luis.familyNames}`].sort());
    const { text, pages } = await pdfText(await certificatesPdf(file, "https://atelier.example.org"));
    expect(pages).toBe(2);
    expect(text).toContain("Constancia de participación");
    expect(text).toContain(`Ana María ${s.ana.familyNames}`);
    expect(text).toContain("Curso de investigación");
    for (const c of file.certificates) expect(text).toContain(c.code);
    const one = expectOk(await getCertificatesFile(s.manager, { ...s.ids, participantId: s.luis.id, lang: "fr" }));
    const single = await pdfText(await certificatesPdf(one, "https://atelier.example.org"));
    expect(single.pages).toBe(1);
    expect(single.text).toContain("Attestation de participation");
    expect(single.text).not.toContain(s.ana.familyNames);
    expect(expectFailure(await getCertificatesFile(s.manager, { ...s.ids, participantId: s.rosa.id })).error).toBe("not_found");
  });
});

describe("the organisers' logo", () => {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  const rule = { minAttendancePercent: 80, hours: "", version: 0 };

  it("is printed on each certificate once set, refused when it is not the image it says, and removed on request", async () => {
    const s = await setup();
    expectOk(await issueCertificates(s.manager, s.ids));
    const pdf = async () => Buffer.from(await certificatesPdf(expectOk(await getCertificatesFile(s.manager, s.ids)), "https://atelier.example.org")).toString("latin1");
    expect(await pdf()).not.toContain("/Subtype /Image");
    const disguised = { name: "logo.png", type: "image/png", data: Buffer.from("%PDF-1.4 not an image").toString("base64") };
    expect(expectFailure(await setCertificateRule(s.manager, { ...s.ids, ...rule, logo: disguised })).fieldErrors).toEqual({ "logo.type": { key: "fileContentMismatch" } });
    expect(expectFailure(await setCertificateRule(s.manager, { ...s.ids, ...rule, logo: { ...disguised, type: "image/gif" } })).fieldErrors).toHaveProperty("logo.type");
    // A PNG's first bytes followed by anything else would break every certificate of the workshop.
    const broken = { name: "logo.png", type: "image/png", data: Buffer.concat([png.subarray(0, 16), Buffer.from("not the rest of an image")]).toString("base64") };
    expect(expectFailure(await setCertificateRule(s.manager, { ...s.ids, ...rule, logo: broken })).fieldErrors).toEqual({ "logo.data": { key: "logoUnreadable" } });
    const saved = expectOk(await setCertificateRule(s.manager, { ...s.ids, ...rule, logo: { name: "logo.png", type: "image/png", data: png.toString("base64") } }));
    expect(saved).toMatchObject({ hasLogo: true, version: 1 });
    expect(JSON.stringify(saved)).not.toContain("iVBOR");
    expect((await pdf()).match(/\/Subtype \/Image/g)?.length).toBeGreaterThan(0);
    expectOk(await setCertificateRule(s.manager, { ...s.ids, ...rule, version: 1 }));
    expect((await s.roster()).rule.hasLogo).toBe(true);
    expectOk(await setCertificateRule(s.manager, { ...s.ids, ...rule, version: 2, removeLogo: "on" }));
    expect((await s.roster()).rule.hasLogo).toBe(false);
  });
});

describe("public verification", () => {
  it("says valid with the workshop, its dates and the holder's initials only; revoked; unknown for an unknown code or an erased holder", async () => {
    const s = await setup();
    expectOk(await issueCertificates(s.manager, s.ids));
    const people = (await s.roster()).people;
    const ana = people.find((p) => p.participantId === s.ana.id)!.certificate!;
    const luis = people.find((p) => p.participantId === s.luis.id)!.certificate!;
    const valid = expectOk(await verifyCertificate(database.db, { code: ana.code.toLowerCase().replaceAll("-", "") }, address()));
    expect(valid).toEqual({
      status: "valid",
      workshop: { title: "Curso de investigación", startDate: fiveDays[0], endDate: fiveDays[4] },
      initials: initialsOf("Ana María", s.ana.familyNames),
    });
    expect(JSON.stringify(valid)).not.toContain("Cruz");
    expect(initialsOf("ana maría", "Cruz López")).toBe("A. M. C. L.");
    expectOk(await revokeCertificate(s.manager, { ...s.ids, certificateId: luis.id, reason: "Error" }));
    expect(expectOk(await verifyCertificate(database.db, { code: luis.code }, address()))).toEqual({ status: "revoked", workshop: null, initials: null });
    expect(expectOk(await verifyCertificate(database.db, { code: newCode() }, address()))).toEqual({ status: "unknown", workshop: null, initials: null });
    expect(expectFailure(await verifyCertificate(database.db, { code: "ABC" }, address())).fieldErrors).toEqual({ code: { key: "certificateCode" } });
    expect(expectFailure(await verifyCertificate(database.db, { code: "7KQX-M2PA-9D\u0007T" }, address())).error).toBe("invalid");
    expectOk(await eraseParticipant(s.manager, { participantId: s.ana.id }));
    expect(expectOk(await verifyCertificate(database.db, { code: ana.code }, address())).status).toBe("unknown");
  });

  it("answers an address at most the limit per minute, then refuses it while another address is still answered", async () => {
    const limited = address();
    for (let i = 0; i < publicLimitPerMinute; i++) expectOk(await verifyCertificate(database.db, { code: newCode() }, limited));
    expect(expectFailure(await verifyCertificate(database.db, { code: newCode() }, limited)).error).toBe("too_many");
    expectOk(await verifyCertificate(database.db, { code: newCode() }, address()));
  });
});

describe("people certified", () => {
  it("counts holders of a valid certificate by sex, and stops counting a revoked one", async () => {
    const s = await setup();
    const result = expectOk(await createResult(s.manager, { projectId: s.world.projectId, parentId: null, statement: written("Ultimate") }));
    const indicator = expectOk(
      await createIndicator(s.manager, {
        projectId: s.world.projectId,
        resultId: result.id,
        code: "1000.1",
        statement: written("People certified"),
        unit: "number",
        disaggregations: ["sex"],
        calculation: { kind: "people_certified" },
      }),
    );
    const figure = async () => expectOk(await getIndicator(s.manager, { projectId: s.world.projectId, indicatorId: indicator.id })).computed!.project;
    expect((await figure()).value).toBe(0);
    expectOk(await issueCertificates(s.manager, s.ids));
    expect(await figure()).toMatchObject({ value: 2, groups: { "sex:woman": 1, "sex:man": 1 } });
    const luis = (await s.roster()).people.find((p) => p.participantId === s.luis.id)!.certificate!;
    expectOk(await revokeCertificate(s.manager, { ...s.ids, certificateId: luis.id, reason: "Error" }));
    const after = await figure();
    expect([after.value, after.groups["sex:woman"], after.groups["sex:man"] ?? 0]).toEqual([1, 1, 0]);
  });
});
