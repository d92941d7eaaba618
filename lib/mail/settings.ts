import { getEnv } from "@/lib/env";

/** Where mail goes: an SMTP server (`SMTP_URL`, `MAIL_FROM`), or nowhere, kept in the database to be read by an administrator. */
export type MailSettings = { mode: "smtp"; url: string; from: string } | { mode: "kept"; problem: "notSet" | "invalidUrl" };

const defaultFrom = "Atelier <atelier@localhost>";

/**
 * Read from the environment. A malformed `SMTP_URL` does not stop the app: mail stays in the
 * database and the problem is reported once, at start (see startMailWorker).
 */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return { mode: "kept", problem: "notSet" };
  try {
    const url = new URL(raw);
    if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return { mode: "kept", problem: "invalidUrl" };
    return { mode: "smtp", url: raw, from: env.MAIL_FROM?.trim() || defaultFrom };
  } catch {
    return { mode: "kept", problem: "invalidUrl" };
  }
}

/**
 * The address links in mail point to. Never the request's own Host: a forged one would send a
 * password-reset link to another site. Without ATELIER_PUBLIC_URL, the local quick start's.
 */
export function mailLinkOrigin(): string {
  const configured = getEnv().ATELIER_PUBLIC_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT || 3000}`;
}
