import crypto from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import type { Db } from "@/db/client";
import { recoveryCodes, users, type User } from "@/db/schema";
import { unseal } from "./sealed";
import { hashToken } from "./token-hash";

/** One step either side of now is accepted: a phone's clock a little off, a code typed as it changed. */
const toleranceSeconds = 30;
export const recoveryCodeCount = 10;

export const newTotpSecret = () => generateSecret();

/** What an authenticator app scans: the account and the secret, under the app's name. */
export const totpUri = (email: string, secret: string) => generateURI({ issuer: "Atelier", label: email, secret });

/** Ten codes like `7KQ2-M9XD`, each good once in place of the app's code. */
export function newRecoveryCodes(): string[] {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

const normalisedRecoveryCode = (code: string) => code.trim().toUpperCase().replace(/\s/g, "");

/**
 * Whether `code` is the app's code for `secret` now (or one step before or after), for a time step
 * later than the last one accepted; the step it is for, to be remembered, or null.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const result = await verify({
    secret,
    token: code.trim(),
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: toleranceSeconds,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * The second step of sign-in for a user whose second factor is on: the app's code (each accepted
 * once, the step remembered so that a race cannot use it twice) or an unused recovery code,
 * spent as it is accepted.
 */
export async function passSecondFactor(db: Db, user: User, code: string, now = new Date()): Promise<boolean> {
  if (!user.totpSecret) return true;
  const step = await checkTotp(unseal(user.totpSecret), code, user.totpLastStep, now);
  if (step !== null) {
    const [taken] = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return Boolean(taken);
  }
  const [spent] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashToken(normalisedRecoveryCode(code))), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return Boolean(spent);
}

/** Stores the hashes of fresh recovery codes in place of the old ones. */
export async function replaceRecoveryCodes(db: Db, userId: string, codes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashToken(normalisedRecoveryCode(code)) })));
}
