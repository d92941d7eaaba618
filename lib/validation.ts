import type { z } from "zod";
import { isValidationKey } from "./i18n/messages";
import type { FieldErrors } from "./result";

// C0 controls except tab, line feed and carriage return (multi-line fields keep their lines), DEL,
// and C1 controls: nobody types them, PostgreSQL refuses NUL outright, and they hide text in exports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this rule's purpose.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const controlCharacters = new RegExp(controlCharacter.source, "g");

/** A control character or half of a surrogate pair (which no UTF-8 text can hold). */
export const hasForbiddenCharacter = (text: string) => controlCharacter.test(text) || !text.isWellFormed();

/** A spreadsheet cell's text with each control character turned into a space. */
export const replaceControlCharacters = (text: string) => text.replace(controlCharacters, " ").toWellFormed();

// Enough to show the user where; a file of thousands of bad cells need not list them all.
const maxReportedFields = 20;

type Pending = { value: unknown; key: string; parent: Pending | null };

const pathOf = (item: Pending) => {
  const keys: string[] = [];
  for (let at: Pending | null = item; at?.parent; at = at.parent) keys.unshift(at.key);
  return keys.join(".") || "_form";
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * Field errors for every text in a raw input (keys included, at any depth) holding a control
 * character, at the same paths zod reports. Walked without recursion: a request body may nest deeply.
 */
export function findControlCharacters(input: unknown): FieldErrors | null {
  const fieldErrors: FieldErrors = {};
  let found = 0;
  const pending: Pending[] = [{ value: input, key: "", parent: null }];
  for (let item = pending.pop(); item && found < maxReportedFields; item = pending.pop()) {
    const { value } = item;
    if (typeof value === "string") {
      if (hasForbiddenCharacter(value)) {
        fieldErrors[pathOf(item)] = { key: "controlCharacter" };
        found++;
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], key: String(i), parent: item });
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value).reverse()) {
        // A key holding one is reported at its own path, like a value.
        pending.push({ value: hasForbiddenCharacter(key) ? key : child, key, parent: item });
      }
    }
  }
  return found > 0 ? fieldErrors : null;
}

/**
 * Turns zod issues into catalogue keys (`validation.<key>`), so every entry point shows the
 * same message in the user's language. Custom refinements carry their key as their message.
 */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (!fieldErrors[field]) fieldErrors[field] = describeIssue(issue);
  }
  return fieldErrors;
}

function describeIssue(issue: z.core.$ZodIssue): FieldErrors[string] {
  switch (issue.code) {
    case "invalid_type":
      return { key: issue.input === undefined || issue.input === "" ? "required" : "invalid" };
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      }
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "email") return { key: "invalidEmail" };
      if (issue.format === "date") return { key: "invalidDate" };
      return { key: "invalidFormat" };
    case "invalid_value":
      return { key: "invalidChoice" };
    case "custom":
      // A message that names no catalogue entry would be shown as a bare key: say "invalid" instead.
      return { key: isValidationKey(issue.message) ? issue.message : "invalid" };
    default:
      return { key: "invalid" };
  }
}

/** A period's end may not come before its start (projects, missions, workshops). */
export const endNotBeforeStart = (v: { startDate: string; endDate: string }) => v.endDate >= v.startDate;
export const endDateRule = { message: "endBeforeStart", path: ["endDate"] };
