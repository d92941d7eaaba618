import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 hashes with argon2id by default; its defaults follow OWASP's memory/time costs.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// Verifying against a fixed hash when the account is unknown keeps the response time the same,
// so timing does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hash(crypto.randomBytes(32).toString("base64url"));
  return dummyHash.then((h) => verify(h, password));
}
