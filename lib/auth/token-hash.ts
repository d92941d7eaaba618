import crypto from "node:crypto";

/** What is kept of a secret handed out (a link, a token, a calendar address, a recovery code): its SHA-256. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
