import { toSearchText } from "@/lib/search-text";

// Particles that join Spanish and French family names; they say nothing about who someone is.
const particles = new Set(["de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van", "von", "le", "du", "des"]);

function tokens(text: string): string[] {
  return toSearchText(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 2 && !particles.has(t));
}

export function participantSearchText(givenNames: string, familyNames: string): string {
  return toSearchText(givenNames, familyNames);
}

/**
 * A rough sound-alike form of a name word, for the spellings sign-in sheets produce: z/s, v/b,
 * c/k/qu, ll/y and a silent h are folded, doubled letters merged ("López" = "Lopes",
 * "Hernández" = "Ernandez").
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, "f")
    .replace(/ch/g, "x")
    .replace(/qu/g, "k")
    .replace(/c([ei])/g, "s$1")
    .replace(/c/g, "k")
    .replace(/z/g, "s")
    .replace(/[vw]/g, "b")
    .replace(/ll/g, "y")
    .replace(/h/g, "")
    .replace(/y$/, "i")
    .replace(/(.)\1+/g, "$1");
}

/**
 * Blocking keys for the duplicates queue: who could be the same person. In Hispanic naming, two
 * people with both family names given are the same only if both names agree (in any order): they
 * get one full key ("+lopes martines|jose"). Each family name alone, with the first given name,
 * makes a partial key ("martines|jose"), which pairs a record only with one that lacks a second
 * family name: "José Luis Martínez" meets "Jose L. Martinez Lopez", but "María López García" does
 * not meet "María López Castro".
 */
export function participantNameKeys(givenNames: string, familyNames: string): string[] {
  const family = tokens(familyNames).map(soundKey);
  const given = tokens(givenNames).map(soundKey);
  const words = family.length ? family : given;
  const first = family.length ? (given[0] ?? "") : "";
  const partial = words.map((w) => `${w}|${first}`);
  const full = family.length >= 2 ? [`+${[...family.slice(0, 2)].sort().join(" ")}|${first}`] : [];
  return [...new Set([...full, ...partial])];
}

export const isFullKey = (key: string) => key.startsWith("+");

/** A phone number reduced to its digits (null when it has too few to mean anything). */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

/** A name as lists sorted by family name show it: "Martínez López, José Luis" (or the one name a person has). */
export function listedName(givenNames: string, familyNames: string): string {
  return [familyNames, givenNames].filter(Boolean).join(", ");
}
