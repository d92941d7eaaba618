import crypto from "node:crypto";

// Crockford's alphabet: no I, L, O or U, so a code read aloud or typed from paper is not mistaken.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const groups = 3;
const groupLength = 4;

/** A new verification code: 60 random bits, as three groups of four (`7KQX-M2PA-9DHT`). */
export function newCode(): string {
  const bytes = crypto.randomBytes(groups * groupLength);
  const letters = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return Array.from({ length: groups }, (_, g) => letters.slice(g * groupLength, (g + 1) * groupLength).join("")).join("-");
}

/** A code as typed (any case, dashes or spaces or none) in its printed form, or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const letters = typed.toUpperCase().replace(/[\s-]/g, "");
  if (letters.length !== groups * groupLength || [...letters].some((c) => !alphabet.includes(c))) return null;
  return letters.match(new RegExp(`.{${groupLength}}`, "g"))!.join("-");
}
