import crypto from "node:crypto";
import { getAuthSecret } from "@/lib/env";

// A key of its own for secrets kept in the database, derived from the app's secret: a copy of the
// database alone does not give anyone the users' authenticator secrets.
const key = () => crypto.createHash("sha256").update(`atelier:sealed:${getAuthSecret()}`).digest();

/** Seals a short secret with AES-256-GCM: iv, tag and ciphertext, base64url, joined by dots. */
export function seal(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString("utf8");
}
