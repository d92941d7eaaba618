import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

export type SentMail = { to: string; subject: string; text: string; html: string };

// Where scripts/e2e-server.mjs's test mail server writes what the app sends.
const mailDir = path.join(".data", `e2e-${process.env.E2E_PORT ?? 3100}`, "mail");

function readMail(): SentMail[] {
  if (!fs.existsSync(mailDir)) return [];
  return fs
    .readdirSync(mailDir)
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(mailDir, file), "utf8")) as SentMail);
}

/** The latest message the test mail server received for `to`, waiting for it to come. */
export async function mailTo(to: string, subject?: string): Promise<SentMail> {
  let found: SentMail | undefined;
  await expect
    .poll(
      () => {
        found = readMail()
          .filter((m) => m.to === to && (!subject || m.subject === subject))
          .at(-1);
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** Every message the test mail server received for `to`. */
export const allMailTo = (to: string) => readMail().filter((m) => m.to === to);

/** The one-time link a message holds, as a path on the app. */
export function linkPath(mail: SentMail): string {
  const match = /https?:\/\/[^/\s]+(\/sign-in\/link\/[\w-]+)/.exec(mail.text);
  expect(match, "a sign-in link in the message").not.toBeNull();
  return match![1]!;
}
