import { z } from "zod";
import { locales } from "@/db/schema/values";

// A form sends every field as a string, so "no value" arrives as text. Two rules are in use, and a
// schema keeps the one it was written with: what counts as blank decides what reaches the check.

/** A field left blank or holding only spaces means "no value". */
export const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
/** A field left blank or holding only spaces means "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** Only an empty field means "no value"; spaces go on to the schema, which trims or refuses them. */
export const emptyToNull = (v: unknown) => (v === "" ? null : v);
/** Only an empty field means "not given"; spaces go on to the schema, which trims or refuses them. */
export const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** A date that may be left blank, stored as null. */
export const nullableDate = z.preprocess(blankToNull, z.iso.date().nullable().default(null));

/** An ISO 3166 two-letter country code, in capitals whatever was typed. */
export const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

/** The input of a use case that reads or acts on a whole project. */
export const projectIdInput = z.object({ projectId: z.uuid() });

const narrativeObject = (max: number) =>
  z
    .object({
      original: z.enum(locales),
      // Composed, so that accents pasted as separate marks are found by search like typed ones.
      fr: z.preprocess(blankToUndefined, z.string().trim().normalize("NFC").max(max).optional()),
      es: z.preprocess(blankToUndefined, z.string().trim().normalize("NFC").max(max).optional()),
      en: z.preprocess(blankToUndefined, z.string().trim().normalize("NFC").max(max).optional()),
    })
    .superRefine((n, issues) => {
      if (!n[n.original]) issues.addIssue({ code: "custom", message: "required", path: [n.original] });
    });

/** One text in each language written so far, up to `max` characters; the original must be among them. */
export const narrativeInput = (max: number) => narrativeObject(max);

/** Like narrativeInput, but a text left blank in every language means "none", stored as null. */
export const optionalNarrativeInput = (max: number) =>
  z.preprocess(
    (v) => (v && typeof v === "object" && locales.every((l) => !String((v as Record<string, unknown>)[l] ?? "").trim()) ? null : v),
    narrativeObject(max).nullable().default(null),
  );
