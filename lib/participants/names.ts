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
 * Blocking keys for the duplicates queue: each family-name word (first four letters) with the
 * first given-name initial. "José Luis Martínez" and "Jose L. Martinez Lopez" share "mart|j",
 * whatever the order or presence of the second family name.
 */
export function participantNameKeys(givenNames: string, familyNames: string): string[] {
  const family = tokens(familyNames);
  const given = toSearchText(givenNames).replace(/[^a-z0-9]/g, "");
  const words = family.length ? family : tokens(givenNames);
  const initial = family.length ? given.slice(0, 1) : "";
  return [...new Set(words.map((w) => `${w.slice(0, 4)}|${initial}`))];
}

/** A phone number reduced to its digits (null when it has too few to mean anything). */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}
