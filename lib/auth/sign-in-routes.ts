import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { listUsableDemoAccounts } from "./demo-accounts";
import { findUsableSignInLink, setPasswordWithLink } from "./sign-in";
import { getSignInRefusal } from "./throttle";

// What the sign-in pages and their actions read and write, on the app's database. They run before
// anyone is signed in, so no use case serves them; routes still reach the database only through lib.

/** The demo accounts the sign-in page lists (none once the demo data is gone or an account closed). */
export const usableDemoAccounts = () => listUsableDemoAccounts(getDb());

/** The person a one-time sign-in link was made for, or null when it is unknown, spent or expired. */
export const usableSignInLink = (token: string) => findUsableSignInLink(getDb(), token);

/** Spends a one-time link to set its user's password (see setPasswordWithLink). */
export const setPasswordFromLink = (rawInput: unknown) => setPasswordWithLink(getDb(), rawInput);

/** Why this address may not try this e-mail's password now, or null when it may. */
export const signInRefusal = (email: string, clientAddress: string) => getSignInRefusal(getDb(), email, clientAddress);

/** Where a user who has just signed in goes and in which language: their stored language, and whether a temporary password must be replaced first. */
export async function signedInPreferences(email: string) {
  const [user] = await getDb().select({ locale: users.locale, mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.email, email));
  return user ?? null;
}
