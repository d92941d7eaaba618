import crypto from "node:crypto";
import { hash, parseOptions, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's minimum (19 MiB of memory, 2 passes, one lane), written out rather than
 * left to the library's defaults, which were 4 MiB in earlier versions and may change again.
 */
export const passwordHashOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** A stored hash made with weaker settings than today's, to be replaced at the next successful sign-in. */
export function needsRehash(passwordHash: string): boolean {
  if (!passwordHash.startsWith("$argon2id$")) return true;
  const used = parseOptions(passwordHash);
  return used.memoryCost < passwordHashOptions.memoryCost || used.timeCost < passwordHashOptions.timeCost;
}

// Verifying against a fixed hash when the account is unknown keeps the response time the same,
// so timing does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hashPassword(crypto.randomBytes(32).toString("base64url"));
  return dummyHash.then((h) => verify(h, password));
}
