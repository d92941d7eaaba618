/**
 * A fresh-eyes review of issue 13's new and changed use cases, attacked as a signed-in user
 * would: other projects' ids wherever an id is accepted, the "split" user (manager elsewhere,
 * field staff here), the second partner. Each test states a hole that must stay closed.
 */
import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessLog, attendance, bodyMemberships, coordinationBodies, participantProjects, participants, projects, studies, studySources, users } from "@/db/schema";
import { locales } from "@/db/schema/values";
import { createTestDatabase } from "@/db/testing";
import { flushAccessLog } from "@/lib/access-recording";
import { listAccessLog, listPersonAccesses } from "@/lib/access-log/use-cases";
import { getOfflineKey } from "@/lib/account/use-cases";
import { getOfflineRoster, getWorkshopReport, getWorkshopReportFile, getSignInSheet, syncOutbox } from "@/lib/attendance/use-cases";
import { endBodyMembership, removeBodyMembership } from "@/lib/bodies/use-cases";
import { statementFigures } from "@/lib/evaluations/results";
import { listMembers } from "@/lib/members/use-cases";
import { listDuplicatePairs, markDistinct, mergeParticipants } from "@/lib/participants/duplicates";
import { exportParticipants, getParticipant, listParticipants } from "@/lib/participants/use-cases";
import { eraseParticipant, exportParticipantData } from "@/lib/participants/personal-data";
import { getRetention, runRetentionNow } from "@/lib/retention/use-cases";
import { runRetention } from "@/lib/retention/run";
import { getSourceFile, getStudy, shareSource } from "@/lib/studies/use-cases";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { linkToProject } from "@/lib/testing/participants";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const nonAdmins: Exclude<RoleName, "anonymous" | "admin">[] = ["manager", "field", "partner", "partner2", "outsider", "split", "loner"];

/** A project's code and its name in every language it is written in. */
async function codeOf(w: World, projectId: string) {
  const [row] = await w.db.select({ code: projects.code, name: projects.name }).from(projects).where(eq(projects.id, projectId));
  return { code: row!.code, names: locales.flatMap((l) => row!.name[l] ?? []) };
}

/** What of the other project must never reach someone outside it. */
async function otherProjectMarks(w: World, workshopTitle: string) {
  const other = await codeOf(w, w.otherProjectId);
  return [w.otherProjectId, other.code, ...other.names, workshopTitle];
}

function expectNoneOf(value: unknown, marks: string[]) {
  const text = JSON.stringify(value);
  for (const mark of marks) expect(text).not.toContain(mark);
}

async function isErased(w: World, participantId: string) {
  const [row] = await w.db.select({ isErased: participants.isErased }).from(participants).where(eq(participants.id, participantId));
  return row?.isErased;
}

describe("access log", () => {
  it("no one but an administrator browses the log, whatever filter they pass", async () => {
    const w = await createWorld(database.db);
    const person = await insertPerson(w.db, w.projectId, "Ana", "Registro", "woman");
    for (const role of nonAdmins) {
      const ctx = await w.ctx(role);
      expect(expectFailure(await listAccessLog(ctx, {})).error).toBe("not_found");
      expect(expectFailure(await listAccessLog(ctx, { actorId: w.userIds[role] })).error).toBe("not_found");
      expect(expectFailure(await listAccessLog(ctx, { participantId: person.id })).error).toBe("not_found");
    }
    expect(expectFailure(await listAccessLog(await w.ctx("anonymous"), {})).error).toBe("unauthenticated");
  });

  it("a person's accesses: field staff, partners, the loner and managers of a project that does not know them are refused", async () => {
    const w = await createWorld(database.db);
    const onlyHere = await insertPerson(w.db, w.projectId, "Berta", "Aquí", "woman");
    const onlyThere = await insertPerson(w.db, w.otherProjectId, "Carla", "Allá", "woman");
    for (const role of ["field", "partner", "partner2", "split", "outsider", "loner"] as const) {
      expect((await listPersonAccesses(await w.ctx(role), { participantId: onlyHere.id })).ok).toBe(false);
    }
    // The manager of the fixture project is nobody to a person only the other project knows.
    expect(expectFailure(await listPersonAccesses(await w.ctx("manager"), { participantId: onlyThere.id })).error).toBe("not_found");
    // "split" manages the other project: there they may.
    expectOk(await listPersonAccesses(await w.ctx("split"), { participantId: onlyThere.id }));
  });

  it("a person known to two projects: each project's manager sees who and when for the other's downloads, never which project or workshop", async () => {
    const w = await createWorld(database.db);
    const person = await insertPerson(w.db, w.projectId, "Dora", "Compartida", "woman");
    await linkToProject(w.db, person.id, w.otherProjectId);
    const title = `Taller secreto ${crypto.randomUUID()}`;
    const theirs = await insertWorkshop(w.db, w.otherProjectId, { title, startDate: "2017-03-01", endDate: "2017-03-01" });
    await w.db.insert(attendance).values({ workshopId: theirs.id, participantId: person.id, day: "2017-03-01" });
    const outsider = await w.ctx("outsider");
    expectOk(await getSignInSheet(outsider, { projectId: w.otherProjectId, workshopId: theirs.id, day: "2017-03-01" }));
    expectOk(await getWorkshopReportFile(outsider, { projectId: w.otherProjectId, workshopId: theirs.id }));
    expectOk(await exportParticipants(outsider, { projectId: w.otherProjectId, format: "csv" }));
    expectOk(await getParticipant(outsider, { participantId: person.id }));
    // And the fixture project's own download, which the outsider must not see named either.
    const ours = await insertWorkshop(w.db, w.projectId, { title: `Nuestro ${crypto.randomUUID()}` });
    await w.db.insert(attendance).values({ workshopId: ours.id, participantId: person.id, day: "2019-06-18" });
    expectOk(await getSignInSheet(await w.ctx("field"), { projectId: w.projectId, workshopId: ours.id, day: "2019-06-18" }));
    await flushAccessLog();

    const seenByManager = expectOk(await listPersonAccesses(await w.ctx("manager"), { participantId: person.id, pageSize: 100 }));
    expect(seenByManager.items.length).toBe(5);
    expectNoneOf(seenByManager, await otherProjectMarks(w, title));
    expect(seenByManager.items.filter((e) => e.workshopId === ours.id)).toHaveLength(1);

    const ourCode = await codeOf(w, w.projectId);
    const seenByOutsider = expectOk(await listPersonAccesses(outsider, { participantId: person.id, pageSize: 100 }));
    expectNoneOf(seenByOutsider, [w.projectId, ourCode.code, ...ourCode.names, ours.title]);

    // Only the administrator's copy names them.
    const seenByAdmin = expectOk(await listPersonAccesses(await w.ctx("admin"), { participantId: person.id, pageSize: 100 }));
    expect(JSON.stringify(seenByAdmin)).toContain(title);
  });

  it("paging cannot be used to read past the person: a huge page size is refused", async () => {
    const w = await createWorld(database.db);
    const person = await insertPerson(w.db, w.projectId, "Elsa", "Página", "woman");
    expect(expectFailure(await listPersonAccesses(await w.ctx("manager"), { participantId: person.id, pageSize: 100000 })).fieldErrors).toHaveProperty("pageSize");
  });
});

describe("participants across projects", () => {
  it("the page, its personal-data copy and the list say 'also known to another project' without naming it", async () => {
    const w = await createWorld(database.db);
    const person = await insertPerson(w.db, w.projectId, "Fina", "Doble", "woman");
    await linkToProject(w.db, person.id, w.otherProjectId);
    const title = `Taller ajeno ${crypto.randomUUID()}`;
    const theirs = await insertWorkshop(w.db, w.otherProjectId, { title, startDate: "2017-03-01", endDate: "2017-03-01" });
    await w.db.insert(attendance).values({ workshopId: theirs.id, participantId: person.id, day: "2017-03-01" });
    const marks = await otherProjectMarks(w, title);

    const page = expectOk(await getParticipant(await w.ctx("field"), { participantId: person.id }));
    expect(page.alsoKnownElsewhere).toBe(true);
    expect(page.projects.map((p) => p.id)).toEqual([w.projectId]);
    expectNoneOf(page, marks);

    const copy = expectOk(await exportParticipantData(await w.ctx("manager"), { participantId: person.id }));
    expect(copy.alsoKnownToAnotherProject).toBe(true);
    expectNoneOf(copy, marks);

    // "split" is staff of both: both are theirs to see.
    const splitPage = expectOk(await getParticipant(await w.ctx("split"), { participantId: person.id }));
    expect(splitPage.alsoKnownElsewhere).toBe(false);
    expect(splitPage.projects).toHaveLength(2);
  });

  it("a project filter outside the user's projects is refused on the list and on the export, and partners never list", async () => {
    const w = await createWorld(database.db);
    await insertPerson(w.db, w.otherProjectId, "Gala", "Filtrada", "woman");
    for (const role of ["manager", "field"] as const) {
      const ctx = await w.ctx(role);
      expect(expectFailure(await listParticipants(ctx, { projectId: w.otherProjectId })).fieldErrors).toHaveProperty("projectId");
      expect(expectFailure(await exportParticipants(ctx, { projectId: w.otherProjectId, format: "csv" })).fieldErrors).toHaveProperty("projectId");
    }
    // The outsider filtering by the fixture project, which they are not in.
    expect(expectFailure(await listParticipants(await w.ctx("outsider"), { projectId: w.projectId })).fieldErrors).toHaveProperty("projectId");
    for (const role of ["partner", "partner2", "loner"] as const) {
      expect((await listParticipants(await w.ctx(role), { projectId: w.projectId })).ok).toBe(false);
      expect((await exportParticipants(await w.ctx(role), { projectId: w.projectId, format: "csv" })).ok).toBe(false);
    }
    // Unfiltered, field staff see nobody of the other project.
    const listed = expectOk(await listParticipants(await w.ctx("field"), { q: "Filtrada" }));
    expect(listed.total).toBe(0);
  });

  it("split (field staff here, manager there) cannot erase, merge, mark distinct or export people known only here", async () => {
    const w = await createWorld(database.db);
    const here = await insertPerson(w.db, w.projectId, "Hugo", "Local", "man");
    const hereToo = await insertPerson(w.db, w.projectId, "Hugo", "Locall", "man");
    const there = await insertPerson(w.db, w.otherProjectId, "Hugo", "Local", "man");
    const split = await w.ctx("split");
    expect(expectFailure(await eraseParticipant(split, { participantId: here.id })).error).toBe("forbidden");
    expect(expectFailure(await exportParticipantData(split, { participantId: here.id })).error).toBe("forbidden");
    expect(expectFailure(await mergeParticipants(split, { keepId: here.id, otherId: hereToo.id })).error).toBe("forbidden");
    expect(expectFailure(await markDistinct(split, { keepId: here.id, otherId: hereToo.id })).error).toBe("forbidden");
    // One of each project: no project of theirs knows both, whichever is kept.
    expect((await mergeParticipants(split, { keepId: there.id, otherId: here.id })).ok).toBe(false);
    expect((await mergeParticipants(split, { keepId: here.id, otherId: there.id })).ok).toBe(false);
    expect((await markDistinct(split, { keepId: there.id, otherId: here.id })).ok).toBe(false);
    // Nor can the fixture's manager reach into the other project by merging its person into theirs.
    expect(expectFailure(await mergeParticipants(await w.ctx("manager"), { keepId: here.id, otherId: there.id })).error).toBe("not_found");
    expect(expectFailure(await eraseParticipant(await w.ctx("manager"), { participantId: there.id })).error).toBe("not_found");
    expect(await isErased(w, here.id)).toBe(false);
    expect(await isErased(w, there.id)).toBe(false);
    const [stillThere] = await w.db.select().from(participants).where(eq(participants.id, there.id));
    expect(stillThere).toBeDefined();
    // The duplicates queue offers split no pair holding someone known only here.
    const queue = expectOk(await listDuplicatePairs(split, { pageSize: 100 }));
    const ids = queue.items.flatMap((p) => [p.first.id, p.second.id]);
    expect(ids).not.toContain(here.id);
    expect(ids).not.toContain(hereToo.id);
  });
});

describe("study sources", () => {
  async function studyWithSource(w: World, projectId: string, status: (typeof studies.$inferInsert)["status"] = "collecting", shared = false) {
    const [study] = await w.db.insert(studies).values({ projectId, title: "Línea de base", status }).returning();
    const [source] = await w.db
      .insert(studySources)
      .values({
        studyId: study!.id,
        kind: "interview",
        title: "Notas de entrevista",
        url: "https://files.example/notes",
        fileName: "notas.txt",
        fileType: "text/plain",
        fileSize: 4,
        fileData: Buffer.from("hola"),
        sharedWithPartners: shared,
      })
      .returning();
    return { studyId: study!.id, sourceId: source!.id };
  }

  it("another project's source cannot be shared or downloaded under my project's study", async () => {
    const w = await createWorld(database.db);
    const mine = await studyWithSource(w, w.projectId);
    const theirs = await studyWithSource(w, w.otherProjectId);
    const manager = await w.ctx("manager");
    expect(expectFailure(await shareSource(manager, { projectId: w.projectId, studyId: mine.studyId, sourceId: theirs.sourceId, sharedWithPartners: true })).error).toBe(
      "not_found",
    );
    expect(expectFailure(await shareSource(manager, { projectId: w.projectId, studyId: theirs.studyId, sourceId: theirs.sourceId, sharedWithPartners: true })).error).toBe(
      "not_found",
    );
    expect(expectFailure(await getSourceFile(manager, { projectId: w.projectId, studyId: mine.studyId, sourceId: theirs.sourceId })).error).toBe("not_found");
    expect(expectFailure(await getSourceFile(manager, { projectId: w.projectId, studyId: theirs.studyId, sourceId: theirs.sourceId })).error).toBe("not_found");
    // split is field staff here: no sharing, and their managing the other project lends nothing here.
    expect(expectFailure(await shareSource(await w.ctx("split"), { projectId: w.projectId, studyId: mine.studyId, sourceId: mine.sourceId, sharedWithPartners: true })).error).toBe(
      "forbidden",
    );
    const [row] = await w.db.select({ shared: studySources.sharedWithPartners }).from(studySources).where(eq(studySources.id, theirs.sourceId));
    expect(row!.shared).toBe(false);
  });

  it("partners reach a source's file and link only when it is shared and the study has left planning", async () => {
    const w = await createWorld(database.db);
    const unshared = await studyWithSource(w, w.projectId, "collecting", false);
    const planning = await studyWithSource(w, w.projectId, "planning", true);
    const open = await studyWithSource(w, w.projectId, "collecting", true);
    for (const role of ["partner", "partner2"] as const) {
      const ctx = await w.ctx(role);
      expect(expectFailure(await getSourceFile(ctx, { projectId: w.projectId, ...unshared })).error).toBe("not_found");
      expect(expectFailure(await getSourceFile(ctx, { projectId: w.projectId, ...planning })).error).toBe("not_found");
      expectOk(await getSourceFile(ctx, { projectId: w.projectId, ...open }));
      for (const hidden of [unshared, planning]) {
        const study = expectOk(await getStudy(ctx, { projectId: w.projectId, studyId: hidden.studyId }));
        expect(study.sources).toMatchObject([{ title: "Notas de entrevista", url: null, fileName: null, fileSize: null }]);
      }
      // A partner cannot share it themselves.
      expect(expectFailure(await shareSource(ctx, { projectId: w.projectId, ...unshared, sharedWithPartners: true })).error).toBe("forbidden");
    }
  });
});

describe("offline key, report file, sync", () => {
  it("the offline key is always the caller's own, and changes when their sessions are revoked", async () => {
    const w = await createWorld(database.db);
    const field = await w.ctx("field");
    const mine = expectOk(await getOfflineKey(field, { userId: w.userIds.manager }));
    expect(mine.userId).toBe(w.userIds.field);
    const managers = expectOk(await getOfflineKey(await w.ctx("manager"), {}));
    expect(managers.key).not.toBe(mine.key);
    await w.db.update(users).set({ sessionVersion: 99 }).where(eq(users.id, w.userIds.field));
    expect(expectOk(await getOfflineKey(await w.ctx("field"), {})).key).not.toBe(mine.key);
    expect(expectFailure(await getOfflineKey(await w.ctx("anonymous"), {})).error).toBe("unauthenticated");
  });

  it("a report file: another project's workshop under my project answers not found; a partner's copy names no one", async () => {
    const w = await createWorld(database.db);
    const theirs = await insertWorkshop(w.db, w.otherProjectId);
    for (const role of ["manager", "field", "partner"] as const) {
      expect(expectFailure(await getWorkshopReportFile(await w.ctx(role), { projectId: w.projectId, workshopId: theirs.id })).error).toBe("not_found");
    }
    const ours = await insertWorkshop(w.db, w.projectId);
    const person = await insertPerson(w.db, w.projectId, "Irene", "Asistente", "woman");
    await w.db.insert(attendance).values({ workshopId: ours.id, participantId: person.id, day: "2019-06-18" });
    const report = expectOk(await getWorkshopReportFile(await w.ctx("partner2"), { projectId: w.projectId, workshopId: ours.id }));
    expect(report.attendees).toBeNull();
    expect(JSON.stringify(report)).not.toContain("Asistente");
  });

  it("a sign-in sheet, an offline roster or a report of another project's workshop answers not found and logs nothing", async () => {
    const w = await createWorld(database.db);
    const theirs = await insertWorkshop(w.db, w.otherProjectId);
    const person = await insertPerson(w.db, w.otherProjectId, "Rosa", "Lejana", "woman");
    await w.db.insert(attendance).values({ workshopId: theirs.id, participantId: person.id, day: "2019-06-18" });
    for (const role of ["manager", "field", "split"] as const) {
      const ctx = await w.ctx(role);
      expect(expectFailure(await getSignInSheet(ctx, { projectId: w.projectId, workshopId: theirs.id, day: "2019-06-18" })).error).toBe("not_found");
      expect(expectFailure(await getOfflineRoster(ctx, { projectId: w.projectId, workshopId: theirs.id })).error).toBe("not_found");
      expect(expectFailure(await getWorkshopReport(ctx, { projectId: w.projectId, workshopId: theirs.id })).error).toBe("not_found");
    }
    await flushAccessLog();
    expect(
      await w.db
        .select()
        .from(accessLog)
        .where(inArray(accessLog.actorId, [w.userIds.manager, w.userIds.field, w.userIds.split])),
    ).toEqual([]);
  });

  it("sync: another workshop's operation id, a workshop of another project, another user's outbox, a person of another project", async () => {
    const w = await createWorld(database.db);
    const ours = await insertWorkshop(w.db, w.projectId);
    const theirs = await insertWorkshop(w.db, w.otherProjectId, { startDate: "2019-06-18", endDate: "2019-06-19" });
    const here = await insertPerson(w.db, w.projectId, "Juan", "Presente", "man");
    const there = await insertPerson(w.db, w.otherProjectId, "Lola", "Ajena", "woman");
    const opId = crypto.randomUUID();
    const outsider = await w.ctx("outsider");
    const first = expectOk(
      await syncOutbox(outsider, {
        projectId: w.otherProjectId,
        workshopId: theirs.id,
        userId: w.userIds.outsider,
        items: [{ id: opId, kind: "check_in", participantId: there.id, day: "2019-06-18" }],
      }),
    );
    expect(first).toMatchObject([{ outcome: "checked_in" }]);
    const field = await w.ctx("field");
    // The same operation id at our workshop tells nothing of theirs.
    const replay = expectOk(
      await syncOutbox(field, {
        projectId: w.projectId,
        workshopId: ours.id,
        userId: w.userIds.field,
        items: [{ id: opId, kind: "check_in", participantId: here.id, day: "2019-06-18" }],
      }),
    );
    expect(replay).toEqual([{ id: opId, outcome: "refused", reason: "idTaken", replayed: false }]);
    // Their workshop under our project, and our project's workshop id under theirs.
    expect(
      expectFailure(
        await syncOutbox(field, {
          projectId: w.projectId,
          workshopId: theirs.id,
          userId: w.userIds.field,
          items: [{ id: crypto.randomUUID(), kind: "check_in", participantId: here.id, day: "2019-06-18" }],
        }),
      ).error,
    ).toBe("not_found");
    expect(
      expectFailure(
        await syncOutbox(field, {
          projectId: w.otherProjectId,
          workshopId: theirs.id,
          userId: w.userIds.field,
          items: [{ id: crypto.randomUUID(), kind: "undo", participantId: there.id, day: "2019-06-18" }],
        }),
      ).error,
    ).toBe("not_found");
    // Another user's outbox is refused whole.
    expect(
      expectOk(
        await syncOutbox(field, {
          projectId: w.projectId,
          workshopId: ours.id,
          userId: w.userIds.manager,
          items: [{ id: crypto.randomUUID(), kind: "check_in", participantId: here.id, day: "2019-06-18" }],
        }),
      ),
    ).toMatchObject([{ reason: "otherUser" }]);
    // Checking in someone known only to the other project, or creating a person under their id, is refused.
    const checkIn = expectOk(
      await syncOutbox(field, {
        projectId: w.projectId,
        workshopId: ours.id,
        userId: w.userIds.field,
        items: [{ id: crypto.randomUUID(), kind: "check_in", participantId: there.id, day: "2019-06-18" }],
      }),
    );
    expect(checkIn).toMatchObject([{ outcome: "refused", reason: "unknownParticipant" }]);
    const created = expectOk(
      await syncOutbox(field, {
        projectId: w.projectId,
        workshopId: ours.id,
        userId: w.userIds.field,
        items: [{ id: there.id, kind: "participant", participant: { givenNames: "Lola", familyNames: "Copia", sex: "woman" } }],
      }),
    );
    expect(created).toMatchObject([{ outcome: "refused", fieldErrors: { id: { key: "idTaken" } } }]);
    expect(
      await w.db
        .select()
        .from(participantProjects)
        .where(and(eq(participantProjects.participantId, there.id), eq(participantProjects.projectId, w.projectId))),
    ).toEqual([]);
    expect(await w.db.select().from(attendance).where(eq(attendance.workshopId, ours.id))).toEqual([]);
    // Partners never sync.
    expect(
      expectFailure(
        await syncOutbox(await w.ctx("partner"), {
          projectId: w.projectId,
          workshopId: ours.id,
          userId: w.userIds.partner,
          items: [{ id: crypto.randomUUID(), kind: "check_in", participantId: here.id, day: "2019-06-18" }],
        }),
      ).error,
    ).toBe("forbidden");
  });
});

describe("directory and members", () => {
  it("a body's membership is reached only under its own body", async () => {
    const w = await createWorld(database.db);
    const [bodyA, bodyB] = await w.db
      .insert(coordinationBodies)
      .values([
        { name: "CICESCT", country: "HN" },
        { name: "CONATT", country: "CR" },
      ])
      .returning();
    const institution = await insertInstitution(w.db, `Ministerio ${crypto.randomUUID()}`);
    const [membership] = await w.db.insert(bodyMemberships).values({ bodyId: bodyB!.id, institutionId: institution.id, startDate: "2020-01-01" }).returning();
    const manager = await w.ctx("manager");
    expect(expectFailure(await endBodyMembership(manager, { bodyId: bodyA!.id, membershipId: membership!.id, endDate: "2022-12-31" })).error).toBe("not_found");
    expect(expectFailure(await removeBodyMembership(manager, { bodyId: bodyA!.id, membershipId: membership!.id })).error).toBe("not_found");
    const [after] = await w.db.select().from(bodyMemberships).where(eq(bodyMemberships.id, membership!.id));
    expect(after).toMatchObject({ bodyId: bodyB!.id, endDate: null });
  });

  it("a partner reads neither the other partner's name nor any e-mail in the member list", async () => {
    const w = await createWorld(database.db);
    const partner2Name = (await w.db.select({ name: users.name }).from(users).where(eq(users.id, w.userIds.partner2)))[0]!.name;
    const members = expectOk(await listMembers(await w.ctx("partner"), { projectId: w.projectId }));
    expect(JSON.stringify(members)).not.toContain(partner2Name);
    expect(members.every((m) => m.email === null)).toBe(true);
    expect(members.find((m) => m.userId === w.userIds.partner)?.name).toContain("partner");
  });
});

describe("retention", () => {
  it("only an administrator sees what is due or runs it", async () => {
    const w = await createWorld(database.db);
    for (const role of nonAdmins) {
      expect(expectFailure(await getRetention(await w.ctx(role), {})).error).toBe("not_found");
      expect(expectFailure(await runRetentionNow(await w.ctx(role), {})).error).toBe("not_found");
    }
  });

  it("a manager shortening their own project's retention cannot anonymise a person another project still keeps or holds", async () => {
    // Its own database: a run anonymises everyone due in it.
    const own = await createTestDatabase();
    try {
      const w = await createWorld(own.db);
      const now = new Date("2031-06-15T03:00:00Z");
      const [active] = await w.db
        .insert(projects)
        .values({ code: `A-${crypto.randomUUID().slice(0, 8)}`, name: written("Activo", "es"), country: "HN", startDate: "2030-01-01", endDate: "2035-12-31", status: "active" })
        .returning();
      const [held] = await w.db
        .insert(projects)
        .values({
          code: `H-${crypto.randomUUID().slice(0, 8)}`,
          name: written("Retenido", "es"),
          country: "HN",
          startDate: "2010-01-01",
          endDate: "2012-12-31",
          status: "closed",
          legalHold: true,
        })
        .returning();
      const sharedActive = await insertPerson(w.db, w.projectId, "Mara", "Activa", "woman");
      await linkToProject(w.db, sharedActive.id, active!.id);
      const sharedHeld = await insertPerson(w.db, w.projectId, "Nora", "Retenida", "woman");
      await linkToProject(w.db, sharedHeld.id, held!.id);
      const onlyOurs = await insertPerson(w.db, w.projectId, "Olga", "Nuestra", "woman");
      // The fixture's manager (not the administrator) edits the project as the form would.
      const [current] = await w.db.select().from(projects).where(eq(projects.id, w.projectId));
      const { updateProject } = await import("@/lib/projects/use-cases");
      expectOk(
        await updateProject(await w.ctx("manager"), {
          projectId: w.projectId,
          version: current!.version,
          code: current!.code,
          name: current!.name,
          country: current!.country,
          startDate: "2000-01-01",
          endDate: "2000-12-31",
          status: "closed",
          retentionYears: 1,
          legalHold: false,
        }),
      );
      // And the manager cannot touch the other projects' retention at all.
      for (const projectId of [active!.id, held!.id, w.otherProjectId]) {
        expect(
          expectFailure(
            await updateProject(await w.ctx("manager"), {
              projectId,
              version: 1,
              code: "X-1",
              name: written("X"),
              country: "HN",
              startDate: "2000-01-01",
              endDate: "2000-12-31",
              status: "closed",
              retentionYears: 1,
            }),
          ).error,
        ).toBe("not_found");
      }
      await runRetention(w.db, { now, actorId: null });
      expect(await isErased(w, sharedActive.id)).toBe(false);
      expect(await isErased(w, sharedHeld.id)).toBe(false);
      expect(await isErased(w, onlyOurs.id)).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describe("evaluation small groups", () => {
  it("whatever the groups' sizes, the groups withheld together hold no answers or at least the threshold, and carry no figures", () => {
    const scale = { scaleSize: 5, agreeLevels: [4, 5], minGroupSize: 5 };
    let seed = 13;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const groupIds = Array.from({ length: 1 + random(5) }, (_, i) => `g${i}`);
      const counts = groupIds.flatMap((groupId) => Array.from({ length: random(4) }, () => ({ groupId, level: 1 + random(5), count: 1 + random(6) })));
      const figures = statementFigures(counts, groupIds, scale);
      const sizeOf = (id: string) => counts.filter((c) => c.groupId === id).reduce((s, c) => s + c.count, 0);
      const withheld = groupIds.filter((id) => !figures.groups.get(id)!.shown);
      for (const id of withheld) expect(Object.keys(figures.groups.get(id)!).sort()).toEqual(["reason", "shown"]);
      if (!figures.overall.shown) {
        expect(figures.distribution).toBeNull();
        expect(withheld).toEqual(groupIds);
        continue;
      }
      const hiddenAnswers = withheld.reduce((s, id) => s + sizeOf(id), 0);
      expect(hiddenAnswers === 0 || hiddenAnswers >= scale.minGroupSize).toBe(true);
      for (const id of groupIds) if (sizeOf(id) > 0 && sizeOf(id) < scale.minGroupSize) expect(withheld).toContain(id);
    }
  });
});
