import { and, eq, inArray } from "drizzle-orm";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/testing";
import type { Database } from "@/db/client";
import {
  apiTokens,
  attendance,
  bodyMemberships,
  certificates,
  coordinationBodies,
  evaluationGroups,
  evaluations,
  evaluationStatements,
  expectedResults,
  indicators,
  indicatorValues,
  findings,
  improvementActions,
  institutions,
  missions,
  missionTeam,
  participantProjects,
  participants,
  projectMembers,
  questionnaireQuestions,
  questionnaires,
  recoveryCodes,
  reviewRoundFindings,
  reviewRoundPartners,
  reportingPeriods,
  reviewRounds,
  studies,
  studySources,
  users,
  workshops,
} from "@/db/schema";
import { generate } from "otplib";
import { contextForToken, newTokenSecret } from "./auth/api-token";
import { seal } from "./auth/sealed";
import { newTotpSecret } from "./auth/second-factor";
import { hashToken } from "./auth/token-hash";
import { hashPassword } from "./auth/password";
import { newCode } from "./certificates/code";
import { toSessionUser } from "./auth/sign-in";
import { httpDeclarations, isFileResponse } from "./http/declaration";
import { can, type Permission, type Role } from "./policy";
import type { Ctx } from "./session-user";
import { allUseCases } from "./use-cases";
import { createWorld, roleNames, worldPassword, type RoleName, type World } from "./testing/world";
import { written } from "./testing/helpers";

type Entry = { allowed: RoleName[]; input: (w: World, role: RoleName) => Promise<unknown> | unknown };

const everyone: RoleName[] = ["admin", "manager", "field", "partner", "partner2", "outsider", "split", "loner"];
// The role each user of the world acts with on the fixture project's data. "split" is field staff
// there: their role in the other project lends nothing here; the outsider, who manages another
// project, has none. The people made here are known only to the fixture project, so "split",
// manager elsewhere, acts on them as the field staff they are here: never as a curator.
const roleInProject: Record<RoleName, Role | null> = {
  anonymous: null,
  admin: "admin",
  manager: "manager",
  field: "field",
  partner: "partner",
  partner2: "partner",
  outsider: null,
  split: "field",
  loner: null,
};
// The directory of institutions and bodies is shared: the strongest role held in any project
// counts, so the outsider and "split" (both managers of the other project) curate it.
const roleInDirectory: Record<RoleName, Role | null> = { ...roleInProject, outsider: "manager", split: "manager" };
// Who holds a permission by the policy's table (lib/policy.ts), the same table the use cases and pages read.
const inProject = (permission: Permission) => roleNames.filter((name) => can(roleInProject[name], permission));
const inDirectory = (permission: Permission) => roleNames.filter((name) => can(roleInDirectory[name], permission));

async function throwawayUser(w: World) {
  const [row] = await w.db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@test.example`, name: "Throwaway" })
    .returning({ id: users.id });
  return row!.id;
}

/** A token of the role's own user (another user's is "not found" to anyone but an administrator). */
async function ownToken(w: World, role: RoleName) {
  const owner = (await w.ctx(role)).user?.id ?? (await throwawayUser(w));
  const [row] = await w.db
    .insert(apiTokens)
    .values({ userId: owner, name: "Old script", tokenHash: newTokenSecret().hash, access: "read", expiresAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: apiTokens.id });
  return row!.id;
}

/** A secret being set up for the role's user, and the code an app shows for it now. */
async function pendingSecondFactorCode(w: World, role: RoleName) {
  const userId = (await w.ctx(role)).user?.id;
  const secret = newTotpSecret();
  if (userId)
    await w.db
      .update(users)
      .set({ totpPendingSecret: seal(secret) })
      .where(eq(users.id, userId));
  return generate({ secret });
}

/** A recovery code of the role's user, good once. */
async function recoveryCode(w: World, role: RoleName) {
  const userId = (await w.ctx(role)).user?.id;
  const code = `RC${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
  if (userId) await w.db.insert(recoveryCodes).values({ userId, codeHash: hashToken(code) });
  return code;
}

async function institution(w: World) {
  const [row] = await w.db
    .insert(institutions)
    .values({ name: `Institution ${crypto.randomUUID()}`, country: "HN", sector: "state", kind: "ministry", level: "national", searchText: "institution" })
    .returning({ id: institutions.id });
  return row!.id;
}

async function body(w: World) {
  const [row] = await w.db.insert(coordinationBodies).values({ name: "Body", country: "HN" }).returning({ id: coordinationBodies.id });
  return row!.id;
}

async function bodyMembership(w: World) {
  const [row] = await w.db
    .insert(bodyMemberships)
    .values({ bodyId: await body(w), institutionId: await institution(w), startDate: "2020-01-01" })
    .returning({ bodyId: bodyMemberships.bodyId, membershipId: bodyMemberships.id });
  return row!;
}

async function participant(w: World) {
  const [row] = await w.db
    .insert(participants)
    .values({ givenNames: "Ana", familyNames: `Prueba ${crypto.randomUUID()}`, searchText: "ana prueba" })
    .returning({ id: participants.id });
  await w.db.insert(participantProjects).values({ participantId: row!.id, projectId: w.projectId });
  return row!.id;
}

const importInput = (w: World) => ({
  projectId: w.projectId,
  headers: ["Nombre", "Apellidos", "Sexo"],
  rows: [["Rosa", `Importada ${crypto.randomUUID()}`, "F"]],
  mapping: { givenNames: 0, familyNames: 1, sex: 2 },
});

const institutionImport = () => ({
  headers: ["Nombre", "País", "Sector"],
  rows: [[`Fundación ${crypto.randomUUID()}`, "Honduras", "Sociedad civil"]],
  mapping: { name: 0, country: 1, sector: 2 },
});

// Missions are the staff's: managers see all of them, field staff those they travel on (the
// fixture's mission takes "field" along, not "split").
const missionTravellers: RoleName[] = ["admin", "manager", "field"];
// A review round is read and discussed by the staff and the partners it was put to.
const roundTeam: RoleName[] = ["admin", "manager", "field", "partner", "split"];

async function mission(w: World) {
  const [row] = await w.db
    .insert(missions)
    .values({ projectId: w.projectId, title: written("Misión", "es"), country: "HN", startDate: "2019-06-16", endDate: "2019-06-22" })
    .returning({ id: missions.id });
  await w.db.insert(missionTeam).values({ missionId: row!.id, userId: w.userIds.field });
  return row!.id;
}

async function workshop(w: World) {
  const [row] = await w.db
    .insert(workshops)
    .values({ projectId: w.projectId, title: "Taller", type: "baseline", startDate: "2019-06-18", endDate: "2019-06-19", language: "es" })
    .returning({ id: workshops.id });
  return row!.id;
}

/** A feedback form of one open question, in a new workshop. */
async function questionnaire(w: World, status: "draft" | "open" = "draft") {
  const workshopId = await workshop(w);
  const [row] = await w.db
    .insert(questionnaires)
    .values({ workshopId, kind: "feedback", title: written("Opinión", "es"), status })
    .returning({ id: questionnaires.id });
  const [question] = await w.db
    .insert(questionnaireQuestions)
    .values({ questionnaireId: row!.id, position: 0, type: "open", text: written("¿Qué mejoraría?", "es") })
    .returning({ id: questionnaireQuestions.id });
  return { workshopId, questionnaireId: row!.id, questionId: question!.id };
}

/** A workshop with one person who came both days and holds a certificate. */
async function certificate(w: World) {
  const workshopId = await workshop(w);
  const [person] = await w.db.insert(participants).values({ givenNames: "Ana", familyNames: "Cruz", sex: "woman" }).returning({ id: participants.id });
  await w.db.insert(attendance).values(["2019-06-18", "2019-06-19"].map((day) => ({ workshopId, participantId: person!.id, day })));
  const [row] = await w.db.insert(certificates).values({ workshopId, participantId: person!.id, code: newCode() }).returning({ id: certificates.id });
  return { workshopId, certificateId: row!.id, participantId: person!.id, participantIds: [person!.id] };
}

const missionInput = (w: World) => ({ projectId: w.projectId, title: written("Misión de arranque", "es"), country: "HN", startDate: "2019-06-16", endDate: "2019-06-22" });
const workshopInput = (w: World) => ({ projectId: w.projectId, title: "Taller", type: "training", startDate: "2019-06-18", endDate: "2019-06-19", language: "es" });

const attendanceImport = (w: World, workshopId: string) => ({
  projectId: w.projectId,
  workshopId,
  day: "2019-06-18",
  headers: ["Nombre", "Apellidos", "Sexo"],
  rows: [["Rosa", `Asistente ${crypto.randomUUID()}`, "F"]],
  mapping: { givenNames: 0, familyNames: 1, sex: 2 },
});

const institutionInput = () => ({ name: "Ministerio de Salud", acronym: "SESAL", country: "HN", sector: "state", kind: "ministry", level: "national" });

const projectInput = () => ({
  code: `M-${crypto.randomBytes(4).toString("hex")}`,
  name: written("Matrix project"),
  country: "GT",
  startDate: "2024-01-01",
  endDate: "2024-12-31",
  status: "planned",
});

/** Who may run each use case. A use case missing here fails the suite. */
const matrix: Record<string, Entry> = {
  "projects.list": { allowed: everyone, input: () => ({}) },
  "projects.get": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "projects.create": { allowed: ["admin"], input: projectInput },
  "projects.update": {
    allowed: ["admin", "manager"],
    input: async (w) => {
      const { getProject } = await import("./projects/use-cases");
      const current = await getProject(await w.ctx("admin"), { projectId: w.projectId });
      if (!current.ok) throw new Error("fixture project missing");
      const { project } = current.data;
      return { ...project, projectId: project.id, name: written(`Renamed ${crypto.randomUUID()}`) };
    },
  },
  "members.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "members.grant": {
    allowed: ["admin"],
    input: async (w) => ({ projectId: w.projectId, userId: await throwawayUser(w), role: "field" }),
  },
  "members.revoke": {
    allowed: ["admin"],
    input: async (w) => {
      const userId = await throwawayUser(w);
      await w.db.insert(projectMembers).values({ projectId: w.projectId, userId, role: "partner" });
      return { projectId: w.projectId, userId };
    },
  },
  "users.list": { allowed: ["admin"], input: () => ({}) },
  "users.get": { allowed: ["admin"], input: (w) => ({ userId: w.userIds.field }) },
  "users.create": {
    allowed: ["admin"],
    input: () => ({ name: "New person", email: `${crypto.randomUUID()}@test.example`, locale: "es", access: "link" }),
  },
  "users.setActive": { allowed: ["admin"], input: async (w) => ({ userId: await throwawayUser(w), isActive: false }) },
  "users.issueSignInLink": { allowed: ["admin"], input: async (w) => ({ userId: await throwawayUser(w) }) },
  "account.setLocale": { allowed: everyone, input: () => ({ locale: "es" }) },
  "account.changePassword": {
    allowed: everyone,
    // Same password again, so later rows of the matrix can still use the fixture's password.
    input: () => ({ currentPassword: worldPassword, newPassword: worldPassword, confirmPassword: worldPassword }),
  },
  "account.signOut": { allowed: everyone, input: () => ({}) },
  "account.offlineKey": { allowed: everyone, input: () => ({}) },
  "audit.list": { allowed: ["admin"], input: () => ({}) },
  "accessLog.list": { allowed: ["admin"], input: () => ({}) },
  "mail.list": { allowed: ["admin"], input: () => ({}) },
  "apiTokens.create": { allowed: everyone, input: () => ({ name: "R script" }) },
  "apiTokens.list": { allowed: everyone, input: () => ({}) },
  "calendar.get": { allowed: everyone, input: () => ({}) },
  "mailPreferences.get": { allowed: everyone, input: () => ({}) },
  "mailPreferences.set": { allowed: everyone, input: () => ({ review_opened: "on" }) },
  "secondFactor.get": { allowed: everyone, input: () => ({}) },
  "secondFactor.start": { allowed: everyone, input: () => ({}) },
  "secondFactor.confirm": { allowed: everyone, input: async (w, role) => ({ code: await pendingSecondFactorCode(w, role) }) },
  "secondFactor.disable": { allowed: everyone, input: async (w, role) => ({ code: await recoveryCode(w, role) }) },
  "secondFactor.reset": { allowed: ["admin"], input: async (w) => ({ userId: await throwawayUser(w) }) },
  "calendar.renew": { allowed: everyone, input: () => ({}) },
  "apiTokens.revoke": { allowed: everyone, input: async (w, role) => ({ tokenId: await ownToken(w, role) }) },
  "retention.overview": { allowed: ["admin"], input: () => ({}) },
  "retention.run": { allowed: ["admin"], input: () => ({}) },
  "institutions.list": { allowed: inDirectory("directory.read"), input: () => ({}) },
  "directory.permissions": { allowed: inDirectory("directory.read"), input: () => ({}) },
  "institutions.get": { allowed: inDirectory("directory.read"), input: async (w) => ({ institutionId: await institution(w) }) },
  "institutions.create": { allowed: inDirectory("directory.edit"), input: institutionInput },
  "institutions.update": {
    allowed: inDirectory("directory.edit"),
    input: async (w) => ({ ...institutionInput(), institutionId: await institution(w), version: 1 }),
  },
  "institutions.setActive": { allowed: inDirectory("directory.curate"), input: async (w) => ({ institutionId: await institution(w), isActive: false }) },
  "institutions.merge": {
    allowed: inDirectory("directory.curate"),
    input: async (w) => ({ sourceId: await institution(w), targetId: await institution(w) }),
  },
  "bodies.list": { allowed: inDirectory("directory.read"), input: () => ({}) },
  "bodies.get": { allowed: inDirectory("directory.read"), input: async (w) => ({ bodyId: await body(w) }) },
  "bodies.create": { allowed: inDirectory("directory.curate"), input: () => ({ name: "CICESCT", country: "HN" }) },
  "bodies.update": { allowed: inDirectory("directory.curate"), input: async (w) => ({ bodyId: await body(w), version: 1, name: "CONATT", country: "CR" }) },
  "bodies.addMember": {
    allowed: inDirectory("directory.curate"),
    input: async (w) => ({ bodyId: await body(w), institutionId: await institution(w), startDate: "2021-03-01" }),
  },
  "bodies.endMembership": { allowed: inDirectory("directory.curate"), input: async (w) => ({ ...(await bodyMembership(w)), endDate: "2022-12-31" }) },
  "bodies.removeMembership": { allowed: inDirectory("directory.curate"), input: async (w) => bodyMembership(w) },
  // Listing and searching is open to staff of any project, but shows only their own projects' people.
  "participants.list": { allowed: inDirectory("participants.read"), input: () => ({}) },
  "participants.findDuplicates": { allowed: inDirectory("participants.read"), input: () => ({ givenNames: "Ana", familyNames: "Prueba" }) },
  "participants.duplicates": { allowed: inDirectory("participants.curate"), input: () => ({}) },
  "participants.get": { allowed: inProject("participants.read"), input: async (w) => ({ participantId: await participant(w) }) },
  "participants.create": { allowed: inProject("participants.edit"), input: (w) => ({ projectId: w.projectId, givenNames: "Luis", familyNames: "Pérez", sex: "man" }) },
  "participants.update": {
    allowed: inProject("participants.edit"),
    input: async (w) => ({ participantId: await participant(w), version: 1, givenNames: "Ana María", familyNames: "Prueba", sex: "woman" }),
  },
  "participants.markDistinct": { allowed: inProject("participants.curate"), input: async (w) => ({ keepId: await participant(w), otherId: await participant(w) }) },
  "participants.merge": { allowed: inProject("participants.curate"), input: async (w) => ({ keepId: await participant(w), otherId: await participant(w) }) },
  "participants.exportData": { allowed: inProject("participants.curate"), input: async (w) => ({ participantId: await participant(w) }) },
  "accessLog.person": { allowed: inProject("participants.curate"), input: async (w) => ({ participantId: await participant(w) }) },
  "participants.erase": { allowed: inProject("participants.curate"), input: async (w) => ({ participantId: await participant(w) }) },
  "participants.export": { allowed: inDirectory("participants.read"), input: () => ({ format: "csv" }) },
  "institutions.export": { allowed: inDirectory("directory.read"), input: () => ({ format: "xlsx" }) },
  "imports.read": { allowed: inDirectory("imports.readFile"), input: () => ({ fileName: "sheet.csv", data: Buffer.from("Nombre;Apellidos\nAna;Prueba\n").toString("base64") }) },
  "participants.importPreview": { allowed: inProject("participants.edit"), input: (w) => importInput(w) },
  "participants.importCommit": { allowed: inProject("participants.edit"), input: (w) => importInput(w) },
  "institutions.importPreview": { allowed: inDirectory("directory.edit"), input: () => institutionImport() },
  "institutions.importCommit": { allowed: inDirectory("directory.edit"), input: () => institutionImport() },
  "missions.list": { allowed: inProject("missions.read"), input: (w) => ({ projectId: w.projectId }) },
  "missions.month": { allowed: inProject("missions.read"), input: (w) => ({ projectId: w.projectId, month: "2019-06" }) },
  "missions.get": { allowed: missionTravellers, input: async (w) => ({ projectId: w.projectId, missionId: await mission(w) }) },
  "missions.create": { allowed: inProject("missions.edit"), input: (w) => missionInput(w) },
  "missions.update": { allowed: inProject("missions.edit"), input: async (w) => ({ ...missionInput(w), missionId: await mission(w), version: 1 }) },
  "missions.addNote": { allowed: missionTravellers, input: async (w) => ({ projectId: w.projectId, missionId: await mission(w), body: "Llegada a Tegucigalpa" }) },
  "workshops.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "workshops.get": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "workshops.create": { allowed: inProject("workshops.edit"), input: (w) => workshopInput(w) },
  "workshops.update": { allowed: inProject("workshops.edit"), input: async (w) => ({ ...workshopInput(w), workshopId: await workshop(w), version: 1 }) },
  "questionnaires.list": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "questionnaires.compare": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "questionnaires.results": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "questionnaires.create": {
    allowed: inProject("questionnaires.edit"),
    input: async (w) => ({
      projectId: w.projectId,
      workshopId: await workshop(w),
      kind: "feedback",
      title: written("Opinión", "es"),
      questions: [{ type: "open", text: written("¿Qué mejoraría?", "es") }],
    }),
  },
  "questionnaires.update": {
    allowed: inProject("questionnaires.edit"),
    input: async (w) => ({
      projectId: w.projectId,
      ...(await questionnaire(w)),
      version: 1,
      kind: "feedback",
      title: written("Opinión", "es"),
      questions: [{ type: "open", text: written("¿Qué cambiaría?", "es") }],
    }),
  },
  "questionnaires.copy": {
    allowed: inProject("questionnaires.edit"),
    input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), sourceId: (await questionnaire(w)).questionnaireId }),
  },
  "questionnaires.setStatus": { allowed: inProject("questionnaires.edit"), input: async (w) => ({ projectId: w.projectId, ...(await questionnaire(w)), status: "open" }) },
  "questionnaires.addResponse": {
    allowed: inProject("questionnaires.enter"),
    input: async (w) => {
      const open = await questionnaire(w, "open");
      return { projectId: w.projectId, ...open, id: crypto.randomUUID(), answers: { [open.questionId]: "Más práctica" } };
    },
  },
  "questionnaires.previewImport": { allowed: inProject("questionnaires.enter"), input: async (w) => questionnaireImport(w, await questionnaire(w, "open")) },
  "questionnaires.commitImport": { allowed: inProject("questionnaires.enter"), input: async (w) => questionnaireImport(w, await questionnaire(w, "open")) },
  "certificates.list": { allowed: inProject("participants.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "certificates.setRule": {
    allowed: inProject("workshops.edit"),
    input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), minAttendancePercent: 50, hours: 8, version: 0 }),
  },
  "certificates.issue": { allowed: inProject("certificates.issue"), input: async (w) => ({ projectId: w.projectId, ...(await certificate(w)) }) },
  "certificates.revoke": { allowed: inProject("certificates.issue"), input: async (w) => ({ projectId: w.projectId, ...(await certificate(w)), reason: "Error" }) },
  "certificates.file": { allowed: inProject("participants.read"), input: async (w) => ({ projectId: w.projectId, ...(await certificate(w)) }) },
  "attendance.checkIn": {
    allowed: inProject("attendance.record"),
    input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), items: [{ id: crypto.randomUUID(), participantId: await participant(w), day: "2019-06-18" }] }),
  },
  "attendance.day": { allowed: inProject("attendance.record"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), day: "2019-06-18" }) },
  "attendance.report": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "attendance.reportFile": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "attendance.signInSheet": { allowed: inProject("attendance.record"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), day: "2019-06-19" }) },
  "attendance.importPreview": { allowed: inProject("attendance.record"), input: async (w) => attendanceImport(w, await workshop(w)) },
  "attendance.importCommit": { allowed: inProject("attendance.record"), input: async (w) => attendanceImport(w, await workshop(w)) },
  "attendance.projectTotals": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "attendance.offlineRoster": { allowed: inProject("attendance.record"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w) }) },
  "attendance.sync": {
    allowed: inProject("attendance.record"),
    // Sent as the caller's own outbox, so that their role decides.
    input: async (w, role) => ({
      projectId: w.projectId,
      workshopId: await workshop(w),
      userId: role === "anonymous" ? crypto.randomUUID() : w.userIds[role],
      items: [{ id: crypto.randomUUID(), kind: "check_in", participantId: await participant(w), day: "2019-06-18" }],
    }),
  },
  "studies.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "studies.get": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w) }) },
  "studies.create": { allowed: inProject("studies.edit"), input: (w) => ({ projectId: w.projectId, title: "Estudio" }) },
  "studies.update": { allowed: inProject("studies.edit"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w), title: "Estudio", version: 1 }) },
  "studies.addSource": { allowed: inProject("studies.edit"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w), kind: "interview", title: "Entrevista" }) },
  "studies.removeSource": {
    allowed: inProject("studies.edit"),
    input: async (w) => {
      const studyId = await study(w);
      return { projectId: w.projectId, studyId, sourceId: await source(w, studyId) };
    },
  },
  "studies.shareSource": {
    allowed: inProject("studies.edit"),
    input: async (w) => {
      const studyId = await study(w);
      return { projectId: w.projectId, studyId, sourceId: await source(w, studyId), sharedWithPartners: true };
    },
  },
  // Source files are staff material: a partner reaches only a shared source of a study out of planning (lib/studies).
  "studies.sourceFile": {
    allowed: inProject("studies.readSources"),
    input: async (w) => {
      const studyId = await study(w);
      return { projectId: w.projectId, studyId, sourceId: await source(w, studyId) };
    },
  },
  "studies.report": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w) }) },
  "findings.list": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w) }) },
  "findings.get": {
    allowed: inProject("project.read"),
    input: async (w) => {
      const studyId = await study(w);
      return { projectId: w.projectId, studyId, findingId: await finding(w, studyId) };
    },
  },
  "findings.create": { allowed: inProject("findings.edit"), input: async (w) => findingInput(w, await study(w)) },
  "findings.update": {
    allowed: inProject("findings.edit"),
    input: async (w) => {
      const studyId = await study(w);
      return { ...findingInput(w, studyId), findingId: await finding(w, studyId), version: 1 };
    },
  },
  "findings.createTheme": { allowed: inProject("findings.edit"), input: (w) => ({ projectId: w.projectId, name: { original: "es", es: "Migración" } }) },
  "findings.themes": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "institutions.studyLinks": { allowed: inDirectory("directory.read"), input: async (w) => ({ institutionId: await institution(w) }) },
  "evaluations.create": { allowed: inProject("evaluations.edit"), input: (w) => evaluationInput(w) },
  "logicModel.get": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "logicModel.getResult": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, resultId: await expectedResult(w) }) },
  "logicModel.create": {
    allowed: inProject("logicModel.edit"),
    input: async (w) => ({ projectId: w.projectId, parentId: await expectedResult(w), code: `R-${crypto.randomUUID().slice(0, 8)}`, statement: written("Resultado") }),
  },
  "logicModel.update": {
    allowed: inProject("logicModel.edit"),
    input: async (w) => {
      const resultId = await expectedResult(w);
      return { projectId: w.projectId, resultId, version: 1, parentId: await ultimateOutcome(w), code: `R-${crypto.randomUUID().slice(0, 8)}`, statement: written("Resultado") };
    },
  },
  "logicModel.move": { allowed: inProject("logicModel.edit"), input: async (w) => ({ projectId: w.projectId, resultId: await expectedResult(w), direction: "up" }) },
  "logicModel.delete": { allowed: inProject("logicModel.edit"), input: async (w) => ({ projectId: w.projectId, resultId: await expectedResult(w) }) },
  "indicators.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "indicators.get": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, indicatorId: await indicator(w) }) },
  "indicators.create": { allowed: inProject("logicModel.edit"), input: async (w) => indicatorInput(w, await expectedResult(w)) },
  "indicators.update": {
    allowed: inProject("logicModel.edit"),
    input: async (w) => ({ ...indicatorInput(w, await expectedResult(w)), indicatorId: await indicator(w), version: 1 }),
  },
  "indicators.delete": { allowed: inProject("logicModel.edit"), input: async (w) => ({ projectId: w.projectId, indicatorId: await indicator(w) }) },
  "pmf.get": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, level: "intermediate", periodId: await period(w) }) },
  "projects.annualReport": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, periodId: await period(w) }) },
  "pmf.importPreview": { allowed: inProject("logicModel.edit"), input: (w) => pmfImport(w) },
  "pmf.importCommit": { allowed: inProject("logicModel.edit"), input: (w) => pmfImport(w) },
  "indicatorValues.submit": {
    allowed: inProject("indicatorValues.submit"),
    input: async (w) => ({ projectId: w.projectId, indicatorId: await indicator(w), periodId: await period(w), value: 12 }),
  },
  "indicatorValues.review": {
    allowed: inProject("indicatorValues.approve"),
    input: async (w) => ({ projectId: w.projectId, ...(await reportedValue(w)), decision: "approve", version: 1 }),
  },
  "indicatorValues.file": { allowed: inProject("indicatorValues.submit"), input: async (w) => ({ projectId: w.projectId, ...(await reportedValue(w)) }) },
  "periods.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "periods.create": {
    allowed: inProject("logicModel.edit"),
    input: (w) => ({ projectId: w.projectId, name: `P-${crypto.randomUUID().slice(0, 8)}`, startDate: "2019-01-01", endDate: "2019-03-31" }),
  },
  "periods.createYears": {
    allowed: inProject("logicModel.edit"),
    // The years are made only for a project without periods: each role starts from none.
    input: async (w) => {
      const periodsOfProject = w.db.select({ id: reportingPeriods.id }).from(reportingPeriods).where(eq(reportingPeriods.projectId, w.projectId));
      await w.db.delete(indicatorValues).where(inArray(indicatorValues.periodId, periodsOfProject));
      await w.db.delete(reportingPeriods).where(eq(reportingPeriods.projectId, w.projectId));
      return { projectId: w.projectId };
    },
  },
  "periods.delete": { allowed: inProject("logicModel.edit"), input: async (w) => ({ projectId: w.projectId, periodId: await period(w) }) },
  "evaluations.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "evaluations.addResponse": {
    allowed: inProject("evaluations.enterResponses"),
    input: async (w) => ({ projectId: w.projectId, evaluationId: await evaluation(w), group: "state", answers: { q1: 4 } }),
  },
  "evaluations.previewImport": { allowed: inProject("evaluations.enterResponses"), input: async (w) => responseImport(w, await evaluation(w)) },
  "evaluations.commitImport": { allowed: inProject("evaluations.enterResponses"), input: async (w) => responseImport(w, await evaluation(w)) },
  "evaluations.pin": {
    allowed: inProject("evaluations.edit"),
    input: async (w) => {
      const evaluationId = await evaluation(w);
      const [statement] = await w.db.select({ id: evaluationStatements.id }).from(evaluationStatements).where(eq(evaluationStatements.evaluationId, evaluationId));
      return { projectId: w.projectId, evaluationId, statementId: statement!.id, pinned: true };
    },
  },
  "projects.portfolio": { allowed: ["admin"], input: () => ({}) },
  "projects.dashboard": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "projects.closingReport": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "evaluations.translate": {
    allowed: inProject("evaluations.edit"),
    input: async (w) => {
      const evaluationId = await evaluation(w);
      const [{ version }] = (await w.db.select({ version: evaluations.version }).from(evaluations).where(eq(evaluations.id, evaluationId))) as [{ version: number }];
      const [statement] = await w.db
        .select({ id: evaluationStatements.id, text: evaluationStatements.text })
        .from(evaluationStatements)
        .where(eq(evaluationStatements.evaluationId, evaluationId));
      return { projectId: w.projectId, evaluationId, version, statements: [{ id: statement!.id, text: { ...statement!.text, en: "Translated" } }] };
    },
  },
  "evaluations.results": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, evaluationId: await evaluation(w) }) },
  "improvementActions.list": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "improvementActions.get": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, actionId: await action(w) }) },
  "improvementActions.create": { allowed: inProject("improvementActions.edit"), input: (w) => ({ projectId: w.projectId, title: "Protocolo de identificación" }) },
  "improvementActions.update": {
    allowed: inProject("improvementActions.edit"),
    input: async (w) => ({ projectId: w.projectId, actionId: await action(w), title: "Protocolo", version: 1 }),
  },
  // The action's owner (here the field staff member) reports progress too.
  "improvementActions.addUpdate": {
    allowed: ["admin", "manager", "field"],
    input: async (w) => ({ projectId: w.projectId, actionId: await action(w), note: "Avance", progress: 40 }),
  },
  "reviews.open": {
    allowed: inProject("reviews.manage"),
    input: async (w) => {
      const studyId = await study(w);
      return { projectId: w.projectId, studyId, title: "Ronda", findingIds: [await finding(w, studyId)], partnerIds: [w.userIds.partner] };
    },
  },
  "reviews.list": { allowed: inProject("project.read"), input: async (w) => ({ projectId: w.projectId, studyId: await study(w) }) },
  "reviews.get": { allowed: roundTeam, input: async (w) => ({ projectId: w.projectId, roundId: (await round(w)).roundId }) },
  "reviews.awaiting": { allowed: inProject("project.read"), input: (w) => ({ projectId: w.projectId }) },
  "reviews.answer": {
    allowed: ["partner"],
    input: async (w) => {
      const { roundId, findingId } = await round(w);
      return { projectId: w.projectId, roundId, findingId, answer: "agree" };
    },
  },
  "reviews.comment": {
    allowed: roundTeam,
    input: async (w) => {
      const { roundId, findingId } = await round(w);
      return { projectId: w.projectId, roundId, findingId, body: "Comentario" };
    },
  },
  "reviews.close": { allowed: inProject("reviews.manage"), input: async (w) => ({ projectId: w.projectId, roundId: (await round(w)).roundId }) },
  "attendance.search": { allowed: inProject("attendance.record"), input: async (w) => ({ projectId: w.projectId, workshopId: await workshop(w), day: "2019-06-18", q: "ana" }) },
};

// Baseline studies: the whole project team reads them (partners once findings leave the draft stage); managers write.
/** The fixture project's ultimate outcome, made once: a project has only one. */
async function ultimateOutcome(w: World) {
  const [existing] = await w.db
    .select({ id: expectedResults.id })
    .from(expectedResults)
    .where(and(eq(expectedResults.projectId, w.projectId), eq(expectedResults.level, "ultimate")));
  if (existing) return existing.id;
  const [row] = await w.db
    .insert(expectedResults)
    .values({ projectId: w.projectId, level: "ultimate", code: "1000", statement: written("Resultado final") })
    .returning({ id: expectedResults.id });
  return row!.id;
}

const indicatorInput = (w: World, resultId: string) => ({
  projectId: w.projectId,
  resultId,
  code: `I-${crypto.randomUUID().slice(0, 8)}`,
  statement: written("Indicador"),
  unit: "number",
});

/** A fresh indicator of a fresh result. */
async function indicator(w: World) {
  const [row] = await w.db
    .insert(indicators)
    .values({ ...indicatorInput(w, await expectedResult(w)), unit: "number" as const })
    .returning({ id: indicators.id });
  return row!.id;
}

/** A PMF of one indicator, with a fresh code each time, of an intermediate outcome (1100) under the fixture's ultimate outcome (1000). */
async function pmfImport(w: World) {
  await ultimateOutcome(w);
  return {
    projectId: w.projectId,
    headers: ["Result code", "Expected result", "Indicator code", "Indicator", "Unit"],
    rows: [["1100", "Resultado intermedio", `I-${crypto.randomUUID().slice(0, 8)}`, "Indicador", "Number"]],
  };
}

/** A fresh indicator with a value submitted for a fresh period, with its evidence file. */
async function reportedValue(w: World) {
  const indicatorId = await indicator(w);
  const [row] = await w.db
    .insert(indicatorValues)
    .values({ indicatorId, periodId: await period(w), value: 12, fileName: "actas.pdf", fileType: "application/pdf", fileSize: 5, fileData: Buffer.from("%PDF-") })
    .returning({ id: indicatorValues.id });
  return { indicatorId, valueId: row!.id };
}

/** A fresh reporting period with no target. */
async function period(w: World) {
  const [row] = await w.db
    .insert(reportingPeriods)
    .values({ projectId: w.projectId, name: `P-${crypto.randomUUID().slice(0, 8)}`, startDate: "2020-01-01", endDate: "2020-06-30" })
    .returning({ id: reportingPeriods.id });
  return row!.id;
}

/** A fresh intermediate outcome under it, nothing under it. */
async function expectedResult(w: World) {
  const parentId = await ultimateOutcome(w);
  const [row] = await w.db
    .insert(expectedResults)
    .values({ projectId: w.projectId, parentId, level: "intermediate", code: `I-${crypto.randomUUID().slice(0, 8)}`, statement: written("Resultado intermedio") })
    .returning({ id: expectedResults.id });
  return row!.id;
}

async function study(w: World) {
  const [row] = await w.db.insert(studies).values({ projectId: w.projectId, title: "Línea de base" }).returning({ id: studies.id });
  return row!.id;
}

async function source(w: World, studyId: string) {
  const [row] = await w.db
    .insert(studySources)
    .values({ studyId, kind: "document", title: "Informe", fileName: "informe.txt", fileType: "text/plain", fileSize: 4, fileData: Buffer.from("hola") })
    .returning({ id: studySources.id });
  return row!.id;
}

async function finding(w: World, studyId: string) {
  const [row] = await w.db
    .insert(findings)
    .values({ studyId, theme: "protection", title: { original: "es", es: "Hallazgo" }, description: { original: "es", es: "Texto" }, status: "validated" })
    .returning({ id: findings.id });
  return row!.id;
}

const findingInput = (w: World, studyId: string) => ({
  projectId: w.projectId,
  studyId,
  theme: "prevention",
  title: { original: "es", es: "Inspectores de trabajo sin protocolo de identificación" },
  description: { original: "es", es: "Descrito en el taller." },
});

async function action(w: World) {
  const [row] = await w.db.insert(improvementActions).values({ projectId: w.projectId, title: "Protocolo", ownerId: w.userIds.field }).returning({ id: improvementActions.id });
  return row!.id;
}

/** A round put to the fixture's partner, on one finding; the second partner is not asked. */
async function round(w: World) {
  const studyId = await study(w);
  const findingId = await finding(w, studyId);
  const [row] = await w.db.insert(reviewRounds).values({ studyId, title: "Ronda" }).returning({ id: reviewRounds.id });
  await w.db.insert(reviewRoundFindings).values({ roundId: row!.id, findingId });
  await w.db.insert(reviewRoundPartners).values({ roundId: row!.id, userId: w.userIds.partner });
  return { roundId: row!.id, findingId, studyId };
}

const evaluationInput = (w: World) => ({
  projectId: w.projectId,
  title: written("Evaluación final", "es"),
  scaleSize: 5,
  agreeLevels: [4, 5],
  groups: [{ key: "state", name: { original: "es", es: "Instituciones del Estado" } }],
  statements: [{ key: "q1", text: { original: "es", es: "El proyecto redujo la vulnerabilidad" } }],
});

const responseImport = (w: World, evaluationId: string) => ({
  projectId: w.projectId,
  evaluationId,
  headers: ["grupo", "evaluacion/q1", "_uuid"],
  rows: [["state", "4", crypto.randomUUID()]],
  mapping: { group: 0, externalId: 2, statements: { q1: 1 } },
});

const questionnaireImport = (w: World, open: { workshopId: string; questionnaireId: string; questionId: string }) => ({
  projectId: w.projectId,
  workshopId: open.workshopId,
  questionnaireId: open.questionnaireId,
  headers: ["opinion/q1", "_uuid"],
  rows: [["Más práctica", crypto.randomUUID()]],
  mapping: { externalId: 1, questions: { [open.questionId]: 0 } },
});

async function evaluation(w: World) {
  const [row] = await w.db
    .insert(evaluations)
    .values({ projectId: w.projectId, title: written("Evaluación", "es"), scaleSize: 5, agreeLevels: [4, 5] })
    .returning({ id: evaluations.id });
  await w.db.insert(evaluationGroups).values({ evaluationId: row!.id, key: "state", name: { original: "es", es: "Estado" } });
  await w.db.insert(evaluationStatements).values({ evaluationId: row!.id, position: 0, key: "q1", text: { original: "es", es: "Enunciado" } });
  return row!.id;
}

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

describe("a user who must still replace a temporary password", () => {
  // An administrator, so that nothing but the temporary password can be what refuses them.
  let ctx: Ctx;
  beforeAll(async () => {
    const [row] = await world.db
      .insert(users)
      .values({ email: `${crypto.randomUUID()}@test.example`, name: "Temporary", isAdmin: true, mustChangePassword: true, passwordHash: await hashPassword(worldPassword) })
      .returning();
    ctx = { db: world.db, user: toSessionUser(row!) };
  });

  const allowed = ["account.changePassword", "account.signOut"];
  for (const useCase of allUseCases) {
    const name = useCase.definition.name;
    const isAllowed = allowed.includes(name);
    it(`${name} is ${isAllowed ? "allowed" : "refused until the password is changed"}`, async () => {
      const entry = matrix[name];
      if (!entry) throw new Error(`No matrix entry for ${name}`);
      const result = await useCase(ctx, await entry.input(world, "admin"));
      if (isAllowed) expect(result).toMatchObject({ ok: true });
      else expect(result).toMatchObject({ ok: false, error: "password_change_required" });
    });
  }
});

describe("authorization matrix", () => {
  it("has an entry for every use case, and none for a use case that does not exist", () => {
    const names = allUseCases.map((u) => u.definition.name).sort();
    expect(Object.keys(matrix).sort()).toEqual(names);
  });

  for (const useCase of allUseCases) {
    const name = useCase.definition.name;
    for (const role of roleNames) {
      const entry = matrix[name];
      const isAllowed = entry?.allowed.includes(role) ?? false;
      it(`${name} as ${role} is ${isAllowed ? "allowed" : "refused"}`, async () => {
        if (!entry) throw new Error(`No matrix entry for ${name}`);
        const result = await useCase(await world.ctx(role), await entry.input(world, role));
        if (isAllowed) {
          expect(result).toMatchObject({ ok: true });
          // What the API declares the use case answers is what it returns, with no field left undescribed.
          for (const { response } of httpDeclarations(useCase)) {
            if (result.ok && !isFileResponse(response)) expect(response.parse(result.data)).toEqual(result.data);
          }
        } else {
          expect(result.ok).toBe(false);
          const expected = role === "anonymous" ? ["unauthenticated"] : ["not_found", "forbidden"];
          expect(expected).toContain(!result.ok && result.error);
        }
      });
    }
  }
});

/**
 * The same matrix through personal API tokens: a token acts with exactly its owner's roles, never
 * more, except that token management is for browsers only; a read-only token never writes.
 */
describe("authorization matrix, with API tokens", () => {
  const tokenCtx = async (role: RoleName, access: "read" | "write") => {
    const owner = (await world.ctx(role)).user!;
    const { secret, hash } = newTokenSecret();
    await world.db.insert(apiTokens).values({ userId: owner.id, name: `${role} ${access}`, tokenHash: hash, access, expiresAt: new Date(Date.now() + 86_400_000) });
    return (await contextForToken(world.db, secret))!;
  };
  const contexts = new Map<string, Ctx>();
  beforeAll(async () => {
    for (const role of roleNames.filter((r) => r !== "anonymous")) for (const access of ["read", "write"] as const) contexts.set(`${role} ${access}`, await tokenCtx(role, access));
  });

  for (const useCase of allUseCases) {
    const name = useCase.definition.name;
    for (const role of roleNames.filter((r) => r !== "anonymous")) {
      const entry = matrix[name];
      const isAllowed = (entry?.allowed.includes(role) ?? false) && !useCase.definition.sessionOnly;
      it(`${name} with ${role}'s token is ${isAllowed ? "allowed" : "refused"}${useCase.definition.write ? ", and refused to a read-only token" : ""}`, async () => {
        if (!entry) throw new Error(`No matrix entry for ${name}`);
        const result = await useCase(contexts.get(`${role} write`)!, await entry.input(world, role));
        if (isAllowed) expect(result).toMatchObject({ ok: true });
        else expect(["not_found", "forbidden"]).toContain(!result.ok && result.error);
        if (!useCase.definition.write) return;
        const readOnly = await useCase(contexts.get(`${role} read`)!, await entry.input(world, role));
        if (isAllowed) expect(readOnly).toMatchObject({ ok: false, error: "forbidden" });
        else expect(["not_found", "forbidden"]).toContain(!readOnly.ok && readOnly.error);
      });
    }
  }
});
