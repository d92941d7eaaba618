import type { z } from "zod";
import type { FieldErrors } from "./result";

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
      return { key: issue.message };
    default:
      return { key: "invalid" };
  }
}

/** A period's end may not come before its start (projects, missions, workshops). */
export const endNotBeforeStart = (v: { startDate: string; endDate: string }) => v.endDate >= v.startDate;
export const endDateRule = { message: "endBeforeStart", path: ["endDate"] };
