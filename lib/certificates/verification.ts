import { eq } from "drizzle-orm";
import type { z } from "zod";
import { certificates, participants, workshops } from "@/db/schema";
import type { Db } from "@/db/client";
import { withinPublicLimit } from "@/lib/public-limit";
import type { Result } from "@/lib/result";
import { findControlCharacters, toFieldErrors } from "@/lib/validation";
import type { certificateVerificationOutput } from "./responses";
import { verificationCodeInput } from "./schemas";

export type Verification = z.output<typeof certificateVerificationOutput>;

const unknown: Verification = { status: "unknown", workshop: null, initials: null };

/** "María José López" → "M. J. L.": enough for the person holding the paper, nothing for anyone else. */
export const initialsOf = (givenNames: string, familyNames: string) =>
  `${givenNames} ${familyNames}`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]!.toUpperCase()}.`)
    .join(" ");

/**
 * The public verification of a certificate's code, the one answer Atelier gives without an
 * account: the workshop, its dates and the holder's initials for a valid code, "revoked" for a
 * revoked one, "unknown" otherwise (an erased holder's code included). Every request counts
 * against the client address's limit, a malformed code too, so guessing costs the same either way.
 */
export async function verifyCertificate(db: Db, rawInput: unknown, clientAddress: string): Promise<Result<Verification>> {
  if (!(await withinPublicLimit(db, "certificates.verify", clientAddress))) return { ok: false, error: "too_many" };
  const controlCharacters = findControlCharacters(rawInput);
  if (controlCharacters) return { ok: false, error: "invalid", fieldErrors: controlCharacters };
  const parsed = verificationCodeInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: toFieldErrors(parsed.error) };
  const [row] = await db
    .select({
      revokedAt: certificates.revokedAt,
      title: workshops.title,
      startDate: workshops.startDate,
      endDate: workshops.endDate,
      givenNames: participants.givenNames,
      familyNames: participants.familyNames,
      isErased: participants.isErased,
    })
    .from(certificates)
    .innerJoin(workshops, eq(workshops.id, certificates.workshopId))
    .innerJoin(participants, eq(participants.id, certificates.participantId))
    .where(eq(certificates.code, parsed.data.code));
  if (!row || row.isErased) return { ok: true, data: unknown };
  if (row.revokedAt) return { ok: true, data: { status: "revoked", workshop: null, initials: null } };
  return {
    ok: true,
    data: { status: "valid", workshop: { title: row.title, startDate: row.startDate, endDate: row.endDate }, initials: initialsOf(row.givenNames, row.familyNames) },
  };
}
