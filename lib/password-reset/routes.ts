import "server-only";
import { getDb } from "@/db";
import { requestPasswordReset } from "./request";

// The sign-in pages run before anyone is signed in, so no use case serves them; they reach the
// database through lib all the same.

/** "Forgot your password?" (see requestPasswordReset). */
export const resetPasswordByMail = (rawInput: unknown, clientAddress: string) => requestPasswordReset(getDb(), rawInput, clientAddress);
