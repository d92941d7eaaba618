import type { ConsentForm, ParticipantSex } from "@/db/schema/values";
import { catalogues } from "@/lib/i18n/messages";
import { countryCodes } from "@/lib/i18n/countries";
import { locales } from "@/lib/i18n/config";
import { toSearchText } from "@/lib/search-text";

/**
 * Reads a sex column. Sign-in sheets use words or letters in three languages, and "M" means a man
 * in English (male) but a woman in Spanish (mujer): when the column also uses "H" (hombre, homme),
 * "M" is read as a woman, otherwise as a man.
 */
export function sexReader(columnValues: string[]): (value: string) => ParticipantSex | null {
  const letters = new Set(columnValues.map((v) => toSearchText(v)));
  const mMeansWoman = letters.has("h");
  const words: Record<string, ParticipantSex> = {
    f: "woman",
    femme: "woman",
    femenino: "woman",
    female: "woman",
    woman: "woman",
    mujer: "woman",
    h: "man",
    homme: "man",
    hombre: "man",
    masculino: "man",
    male: "man",
    man: "man",
    m: mMeansWoman ? "woman" : "man",
    autre: "other",
    otro: "other",
    otra: "other",
    other: "other",
    x: "other",
    "": "not_stated",
    nr: "not_stated",
    "non precise": "not_stated",
    "no indicado": "not_stated",
    "not stated": "not_stated",
  };
  return (value) => words[toSearchText(value)] ?? null;
}

const consentWords: Record<string, ConsentForm> = {
  written: "written",
  ecrit: "written",
  escrito: "written",
  signed: "written",
  signe: "written",
  firmado: "written",
  verbal: "verbal",
  oral: "verbal",
  online: "online",
  "en ligne": "online",
  "en linea": "online",
};

export function readConsentForm(value: string): ConsentForm | null | undefined {
  const key = toSearchText(value);
  if (!key) return null;
  return consentWords[key];
}

/** ISO dates, and the day/month/year dates of French and Spanish sheets. */
export function readDate(value: string): string | null | undefined {
  const text = value.trim();
  if (!text) return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : null;
  // A day the calendar does not have (31 June) is a mistake in the sheet, not a date.
  const date = iso ? new Date(`${iso}T00:00:00Z`) : null;
  return date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso!) ? iso! : undefined;
}

/** An enum value given as its code or as its label in any of the three languages. */
export function enumReader<T extends string>(values: readonly T[], labelsOf: (locale: (typeof locales)[number]) => Record<string, string>) {
  const lookup = new Map<string, T>();
  for (const value of values) {
    lookup.set(toSearchText(value), value);
    lookup.set(toSearchText(value.replace(/_/g, " ")), value);
    for (const locale of locales) {
      const label = labelsOf(locale)[value];
      if (label) lookup.set(toSearchText(label), value);
    }
  }
  return (text: string): T | undefined => lookup.get(toSearchText(text));
}

export const institutionLabels = {
  sectors: (locale: (typeof locales)[number]) => catalogues[locale].institutions.sectors as Record<string, string>,
  kinds: (locale: (typeof locales)[number]) => catalogues[locale].institutions.kinds as Record<string, string>,
  levels: (locale: (typeof locales)[number]) => catalogues[locale].institutions.levels as Record<string, string>,
};

/** A country as an ISO code or as its name in French, Spanish or English. */
export function readCountry(text: string): string | undefined {
  const key = toSearchText(text);
  if (/^[a-z]{2}$/.test(key)) return key.toUpperCase();
  for (const code of countryCodes) {
    for (const locale of locales) {
      if (toSearchText(new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? "") === key) return code;
    }
  }
  return undefined;
}
