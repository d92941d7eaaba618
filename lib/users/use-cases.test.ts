import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEntries, projectMembers, signInLinks, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { authenticate, setPasswordWithLink } from "@/lib/auth/sign-in";
import { refusedFormState } from "@/lib/forms";
import { wordingFor } from "@/lib/i18n/wording";
import { grantRole, listMembers, revokeRole } from "@/lib/members/use-cases";
import { getProject, listProjects } from "@/lib/projects/use-cases";
import { auditEntriesFor, ctxFor, currentSession, expectFailure, expectOk, getUserRow, insertUser, isSessionValid, snapshotCounts, uniqueEmail } from "@/lib/testing/helpers";
import { createWorld, type World } from "@/lib/testing/world";
import type { CreateUserInput } from "./schemas";
import { createUser, getUser, issueSignInLink, listUsers, setUserActive } from "./use-cases";

const temporaryPassword = "temporary-pass-1";
const chosenPassword = "my own chosen passphrase";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

const admin = () => world.ctx("admin");
const writtenRows = () => snapshotCounts(world.db, { users, signInLinks, auditEntries, projectMembers });
const actionsOn = async (entityId: string) => (await auditEntriesFor(world.db, entityId)).map((e) => e.action);

const userForm = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  name: "Ana López",
  email: uniqueEmail("new"),
  locale: "es",
  access: "link",
  ...overrides,
});

async function create(overrides: Partial<CreateUserInput> = {}) {
  return expectOk(await createUser(await admin(), userForm(overrides)));
}

const signIn = (email: string, password: string) => authenticate(world.db, { email, password });

const setActive = async (userId: string, isActive: boolean) => setUserActive(await admin(), { userId, isActive });

const projectIdsSeenBy = async (userId: string) => expectOk(await listProjects(await ctxFor(world.db, userId), {})).items.map((p) => p.id);

describe("createUser", () => {
  it('with access "link" returns a one-time link the new user sets a password with', async () => {
    const email = uniqueEmail("new.person");
    const { user, signInLink } = await create({ email: `  ${email.toUpperCase()} ` });
    expect(user.email).toBe(email);
    expect(user).toMatchObject({ name: "Ana López", locale: "es", isAdmin: false, isActive: true, mustChangePassword: false });
    expect(signInLink?.token).toEqual(expect.any(String));

    const link = { token: signInLink!.token, password: chosenPassword, confirmPassword: chosenPassword };
    expect(await setPasswordWithLink(world.db, link)).toMatchObject({ ok: true, data: { email: user.email } });
    expect(await signIn(user.email, chosenPassword)).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it('with access "password" sets the temporary password and asks for a new one at first sign-in', async () => {
    const { user, signInLink } = await create({ access: "password", temporaryPassword });
    expect(signInLink).toBeNull();
    expect(user.mustChangePassword).toBe(true);
    expect(await signIn(user.email, temporaryPassword)).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it.each([
    ["missing", undefined],
    ["shorter than 12 characters", "eleven-char"],
  ])('with access "password" refuses a temporary password %s, and writes nothing', async (_label, password) => {
    const before = await writtenRows();
    const failure = expectFailure(await createUser(await admin(), userForm({ access: "password", temporaryPassword: password })));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { temporaryPassword: { key: "passwordTooShort" } } });
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses an e-mail already in use, whatever its case, and writes nothing", async () => {
    const { user } = await create();
    const before = await writtenRows();
    const failure = expectFailure(await createUser(await admin(), userForm({ email: user.email.toUpperCase() })));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { email: { key: "emailTaken" } } });
    expect(await writtenRows()).toEqual(before);
  });

  it("sends the refused form back with what was typed, but not the temporary password", async () => {
    const { user } = await create();
    const typed = { name: "Ana López", email: user.email, locale: "es", access: "password", temporaryPassword };
    const state = refusedFormState(expectFailure(await createUser(await admin(), typed)), typed, wordingFor("es").t);
    expect(state).toMatchObject({ status: "error", fieldErrors: { email: expect.any(String) } });
    expect(state.values).toEqual({ name: "Ana López", email: user.email, locale: "es", access: "password" });
    expect(JSON.stringify(state)).not.toContain(temporaryPassword);
  });

  it("records the creation in the audit trail, without any secret", async () => {
    const { user } = await create({ access: "password", temporaryPassword, isAdmin: true });
    const [entry] = await auditEntriesFor(world.db, user.id);
    expect(entry).toMatchObject({ action: "users.create", actorId: world.userIds.admin, entityType: "user" });
    expect(entry!.changes).toEqual({
      name: { before: null, after: user.name },
      email: { before: null, after: user.email },
      locale: { before: null, after: "es" },
      isAdmin: { before: null, after: true },
      isActive: { before: null, after: true },
    });
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
  });
});

describe("setUserActive", () => {
  it("deactivating ends the user's sessions and sign-ins; reactivating lets them sign in again", async () => {
    const person = await insertUser(world.db);
    const session = await currentSession(world.db, person.id);

    expect(expectOk(await setActive(person.id, false))).toEqual({ changed: true });
    expect(await isSessionValid(world.db, session)).toBe(false);
    expect(await signIn(person.email, person.password!)).toEqual({ ok: false, reason: "invalid" });

    expect(expectOk(await setActive(person.id, true))).toEqual({ changed: true });
    expect(await isSessionValid(world.db, session)).toBe(false);
    expect(await signIn(person.email, person.password!)).toMatchObject({ ok: true });
    expect((await auditEntriesFor(world.db, person.id)).map((e) => [e.action, e.changes])).toEqual([
      ["users.setActive", { isActive: { before: true, after: false } }],
      ["users.setActive", { isActive: { before: false, after: true } }],
    ]);
  });

  it("changes nothing when the user already has that state", async () => {
    const person = await insertUser(world.db);
    const session = await currentSession(world.db, person.id);
    expect(expectOk(await setActive(person.id, true))).toEqual({ changed: false });
    expect(await isSessionValid(world.db, session)).toBe(true);
    expect(await actionsOn(person.id)).toEqual([]);
  });

  it("does not let an admin deactivate themselves", async () => {
    const before = await writtenRows();
    const failure = expectFailure(await setActive(world.userIds.admin, false));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { isActive: { key: "cannotDeactivateSelf" } } });
    expect((await getUserRow(world.db, world.userIds.admin)).isActive).toBe(true);
    expect(await writtenRows()).toEqual(before);
  });

  it("answers not_found for a user that does not exist", async () => {
    expect(await setActive(crypto.randomUUID(), false)).toEqual({ ok: false, error: "not_found" });
  });
});

describe("issueSignInLink", () => {
  it("gives a new link and the previous unused one stops working", async () => {
    const { user, signInLink: first } = await create();
    const second = expectOk(await issueSignInLink(await admin(), { userId: user.id }));
    const use = (token: string) => setPasswordWithLink(world.db, { token, password: chosenPassword, confirmPassword: chosenPassword });
    expect(await use(first!.token)).toEqual({ ok: false, error: "not_found" });
    expectOk(await use(second.token));
  });

  it("refuses a deactivated user", async () => {
    const person = await insertUser(world.db, { isActive: false });
    const failure = expectFailure(await issueSignInLink(await admin(), { userId: person.id }));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { userId: { key: "userInactive" } } });
  });
});

describe("granting and revoking project roles", () => {
  it("granting a role shows the user exactly that project and ends their current sessions", async () => {
    const person = await insertUser(world.db);
    const session = await currentSession(world.db, person.id);
    expect(await projectIdsSeenBy(person.id)).toEqual([]);

    const grant = { projectId: world.projectId, userId: person.id, role: "field" };
    expect(expectOk(await grantRole(await admin(), grant))).toEqual({ changed: true });

    expect(await isSessionValid(world.db, session)).toBe(false);
    expect(await projectIdsSeenBy(person.id)).toEqual([world.projectId]);
    const { access } = expectOk(await getProject(await ctxFor(world.db, person.id), { projectId: world.projectId }));
    expect(access).toBe("field");
    const [entry] = await auditEntriesFor(world.db, `${world.projectId}:${person.id}`);
    expect(entry).toMatchObject({ action: "members.grant", projectId: world.projectId, changes: { role: { before: null, after: "field" } } });
  });

  it("granting the role the user already has changes nothing", async () => {
    const session = await currentSession(world.db, world.userIds.partner);
    const grant = { projectId: world.projectId, userId: world.userIds.partner, role: "partner" };
    expect(expectOk(await grantRole(await admin(), grant))).toEqual({ changed: false });
    expect(await isSessionValid(world.db, session)).toBe(true);
    expect(await auditEntriesFor(world.db, `${world.projectId}:${world.userIds.partner}`)).toEqual([]);
  });

  it("granting another role replaces the previous one", async () => {
    const person = await insertUser(world.db);
    const ctx = await admin();
    expectOk(await grantRole(ctx, { projectId: world.projectId, userId: person.id, role: "partner" }));
    expectOk(await grantRole(ctx, { projectId: world.projectId, userId: person.id, role: "manager" }));

    const members = expectOk(await listMembers(ctx, { projectId: world.projectId }));
    expect(members.filter((m) => m.userId === person.id).map((m) => m.role)).toEqual(["manager"]);
    const entries = await auditEntriesFor(world.db, `${world.projectId}:${person.id}`);
    expect(entries.map((e) => e.changes.role)).toContainEqual({ before: "partner", after: "manager" });
  });

  it("revoking a role hides the project from the user and ends their current sessions", async () => {
    const person = await insertUser(world.db);
    const ids = { projectId: world.projectId, userId: person.id };
    expectOk(await grantRole(await admin(), { ...ids, role: "partner" }));
    const session = await currentSession(world.db, person.id);

    expect(expectOk(await revokeRole(await admin(), ids))).toEqual({ changed: true });
    expect(await isSessionValid(world.db, session)).toBe(false);
    expect(await projectIdsSeenBy(person.id)).toEqual([]);
    expect(await getProject(await ctxFor(world.db, person.id), { projectId: world.projectId })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await actionsOn(`${world.projectId}:${person.id}`)).toEqual(["members.grant", "members.revoke"]);

    expect(await revokeRole(await admin(), ids)).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses to grant a role to an unknown user or on an unknown project", async () => {
    const before = await writtenRows();
    const unknownUser = { projectId: world.projectId, userId: crypto.randomUUID(), role: "field" };
    expect(await grantRole(await admin(), unknownUser)).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { userId: { key: "unknownUser" } },
    });
    const unknownProject = { projectId: crypto.randomUUID(), userId: world.userIds.field, role: "field" };
    expect(await grantRole(await admin(), unknownProject)).toEqual({ ok: false, error: "not_found" });
    expect(await writtenRows()).toEqual(before);
  });
});

describe("listUsers and getUser", () => {
  it("finds users by name or e-mail and filters by status", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const active = await insertUser(world.db, { email: `active-${tag}@test.example` });
    const inactive = await insertUser(world.db, { email: `inactive-${tag}@test.example`, isActive: false });
    const ids = async (input: object) => expectOk(await listUsers(await admin(), { q: tag.toUpperCase(), ...input })).items.map((u) => u.id);

    expect((await ids({})).sort()).toEqual([active.id, inactive.id].sort());
    expect(await ids({ status: "active" })).toEqual([active.id]);
    expect(await ids({ status: "inactive" })).toEqual([inactive.id]);
  });

  it("shows a user's project memberships", async () => {
    const { memberships } = expectOk(await getUser(await admin(), { userId: world.userIds.manager }));
    expect(memberships).toEqual([expect.objectContaining({ projectId: world.projectId, role: "manager" })]);
  });
});
