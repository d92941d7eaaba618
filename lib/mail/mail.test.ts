import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { mailMessages, users } from "@/db/schema";
import { requestPasswordReset, resetsPerAccountPerHour } from "@/lib/password-reset/request";
import { loadSessionUser, setPasswordWithLink } from "@/lib/auth/sign-in";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { startTestSmtpServer } from "@/lib/testing/smtp";
import { createWorld } from "@/lib/testing/world";
import { createUser, issueSignInLink, setUserActive } from "@/lib/users/use-cases";
import { listOutgoingMail } from "./use-cases";
import { deliverDueMail, retryDelaysMs, smtpSender } from "./worker";

let database: Database;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await database.close();
  await smtp.close();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  smtp.received.length = 0;
});

const withSmtp = () => {
  process.env.SMTP_URL = smtp.url;
};
const send = () => smtpSender(smtp.url, "Atelier <atelier@example.org>");
const tag = () => Math.random().toString(36).slice(2, 8);
const linkIn = (text: string) => /\/sign-in\/link\/([\w-]+)/.exec(text)?.[1];

async function invite(locale: "fr" | "es" | "en" = "es") {
  const world = await createWorld(database.db);
  const admin = await world.ctx("admin");
  const email = `nueva-${tag()}@example.org`;
  const created = expectOk(await createUser(admin, { name: "Nueva Persona", email, locale, access: "link" }));
  return { world, admin, email, created };
}

describe("mail without a mail server", () => {
  it("is kept in the database, where an administrator reads it, and never goes to the worker", async () => {
    const { admin, email, created } = await invite("fr");
    expect(created.invitation?.status).toBe("kept");
    const page = expectOk(await listOutgoingMail(admin, { status: "kept" }));
    const mine = page.items.find((m) => m.toAddress === email)!;
    expect(mine.subject).toBe("Votre compte Atelier");
    expect(linkIn(mine.text)).toBe(created.signInLink!.token);
    expect(page.mode).toBe("kept");
    withSmtp();
    expect((await deliverDueMail(database.db, send())).sent).toBe(0);
    expect(smtp.received).toEqual([]);
  });
});

describe("mail through SMTP", () => {
  it("sends the invitation once, in the recipient's language, as text and HTML with the link and the account page", async () => {
    withSmtp();
    const { email, created } = await invite("es");
    expect(created.invitation?.status).toBe("queued");
    expect((await deliverDueMail(database.db, send())).sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to === email)!;
    expect(mail.subject).toBe("Su cuenta de Atelier");
    expect(mail.text).toContain("Hola, Nueva Persona:");
    expect(linkIn(mail.text)).toBe(created.signInLink!.token);
    expect(mail.html).toContain(`/sign-in/link/${created.signInLink!.token}`);
    expect(mail.text).toContain("/account");
    const [stored] = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect([stored!.status, stored!.attempts]).toEqual(["sent", 1]);
    // Sent is sent: another round sends nothing again.
    smtp.received.length = 0;
    await deliverDueMail(database.db, send());
    expect(smtp.received.filter((m) => m.to === email)).toEqual([]);
  });

  it("resending the invitation mails a new link; the old one no longer works", async () => {
    withSmtp();
    const { admin, email, created } = await invite("en");
    const again = expectOk(await issueSignInLink(admin, { userId: created.user.id }));
    await deliverDueMail(database.db, send());
    const links = smtp.received.filter((m) => m.to === email).map((m) => linkIn(m.text));
    expect(links).toEqual(expect.arrayContaining([created.signInLink!.token, again.token]));
    expect(
      expectFailure(await setPasswordWithLink(database.db, { token: created.signInLink!.token, password: "a long new password", confirmPassword: "a long new password" })).error,
    ).toBe("not_found");
  });

  it("retries after the server refuses, with a growing wait, and marks the message failed after the last attempt", async () => {
    withSmtp();
    const { email } = await invite();
    const [message] = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    const start = new Date();
    smtp.refuseNext(1);
    await deliverDueMail(database.db, send(), start);
    let [stored] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, message!.id));
    expect([stored!.status, stored!.attempts, stored!.lastError]).toEqual(["queued", 1, "SMTP 451"]);
    expect(stored!.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelaysMs[0]!);
    // Not before its time; then it goes.
    await deliverDueMail(database.db, send(), new Date(start.getTime() + 1000));
    expect(smtp.received.filter((m) => m.to === email)).toEqual([]);
    await deliverDueMail(database.db, send(), new Date(start.getTime() + retryDelaysMs[0]!));
    expect(smtp.received.filter((m) => m.to === email)).toHaveLength(1);

    const { email: second } = await invite();
    const [doomed] = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, second));
    const unreachable = smtpSender("smtp://127.0.0.1:9", "atelier@example.org");
    let now = Date.now() + 1000;
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
      await deliverDueMail(database.db, unreachable, new Date(now));
      now += (retryDelaysMs[attempt] ?? 0) + 1;
    }
    [stored] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, doomed!.id));
    // Kept to be seen, with what the connection answered (nodemailer's code for a refused socket).
    expect([stored!.status, stored!.attempts, stored!.lastError]).toEqual(["failed", retryDelaysMs.length + 1, "ESOCKET"]);
  });

  it("sends each message once when two workers share the database", async () => {
    withSmtp();
    const world = await createWorld(database.db);
    const admin = await world.ctx("admin");
    const batch = tag();
    for (let i = 0; i < 8; i++) expectOk(await createUser(admin, { name: `Persona ${i}`, email: `lote-${batch}-${i}@example.org`, locale: "es", access: "link" }));
    await Promise.all([deliverDueMail(database.db, send()), deliverDueMail(database.db, send())]);
    const delivered = smtp.received.filter((m) => m.to.startsWith(`lote-${batch}-`)).map((m) => m.to);
    expect(delivered.sort()).toEqual([...new Set(delivered)].sort());
    expect(delivered).toHaveLength(8);
  });
});

describe("forgotten password", () => {
  it("mails a one-hour link that sets a new password and ends every other session; an unknown address gets the same answer and no mail", async () => {
    withSmtp();
    const { email, created } = await invite("fr");
    const [before] = await database.db.select().from(users).where(eq(users.id, created.user.id));
    expect(await requestPasswordReset(database.db, { email: email.toUpperCase() }, `10.0.0.${Math.floor(Math.random() * 200)}`)).toBe("sent");
    expect(await requestPasswordReset(database.db, { email: `nadie-${tag()}@example.org` }, "10.9.9.9")).toBe("sent");
    await deliverDueMail(database.db, send());
    const mails = smtp.received.filter((m) => m.subject === "Choisissez un nouveau mot de passe Atelier");
    expect(mails.map((m) => m.to)).toEqual([email]);
    const token = linkIn(mails[0]!.text)!;
    expectOk(await setPasswordWithLink(database.db, { token, password: "une phrase de passe neuve", confirmPassword: "une phrase de passe neuve" }));
    expect(await loadSessionUser(database.db, created.user.id, before!.sessionVersion)).toBeNull();
  });

  it("gives an account at most its hourly share of links, a requester its share per minute, and a deactivated account none", async () => {
    withSmtp();
    const { admin, email } = await invite();
    for (let i = 0; i < resetsPerAccountPerHour + 2; i++) expect(await requestPasswordReset(database.db, { email }, `10.1.${i}.1`)).toBe("sent");
    const queued = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(queued.filter((m) => m.kind === "password_reset")).toHaveLength(resetsPerAccountPerHour);
    const requester = `10.2.${Math.floor(Math.random() * 250)}.7`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await requestPasswordReset(database.db, { email: `otra-${i}-${tag()}@example.org` }, requester));
    expect(answers).toEqual(["sent", "sent", "sent", "sent", "sent", "too_many"]);
    expect(await requestPasswordReset(database.db, { email: "not an address" }, "10.3.0.1")).toBe("invalid");

    const { email: closed, created: closedUser } = await invite();
    expectOk(await setUserActive(admin, { userId: closedUser.user.id, isActive: false }));
    expect(await requestPasswordReset(database.db, { email: closed }, "10.4.0.1")).toBe("sent");
    const closedMail = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, closed));
    expect(closedMail.map((m) => m.kind)).toEqual(["invitation"]);
  });
});
