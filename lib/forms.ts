import type { ValidationKey } from "./i18n/messages";
import type { ErrorCode, Failure } from "./result";

type FormFeedback = {
  /** The refusal's code (`stale`, `invalid`…), for forms that offer more than the message. */
  error?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a refused form shows it again instead of blanking it. */
  values?: Record<string, string>;
  /** Someone else saved the record meanwhile: their version, to compare before saving again. */
  conflict?: Conflict;
};

/** A form's state; once `status` says success, `data` is what the use case answered, typed. */
export type FormState<T = unknown> = FormFeedback & ({ status: "idle" | "error"; data?: undefined } | { status: "success"; data: T });

export type Conflict = { version: number; fields: { label: string; value: string }[] };

/** The state of a form not yet sent, whatever its action answers. */
export const idleForm: FormState<never> = { status: "idle" };

/** The messages a refusal is worded with: next-intl's translator of the whole catalogue fits. */
type Translate = (key: `errors.${ErrorCode}` | `validation.${ValidationKey}`, values?: Record<string, string | number>) => string;

/** One way to word a refusal, for forms and for the API alike. */
export function describeFailure(failure: Pick<Failure, "error" | "fieldErrors">, t: Translate) {
  const fieldErrors: Record<string, string> = {};
  for (const [field, issue] of Object.entries(failure.fieldErrors ?? {})) {
    fieldErrors[field] = t(`validation.${issue.key}`, issue.values);
  }
  return { message: t(`errors.${failure.error}`), fieldErrors };
}

/** A refused form's state: the refusal worded for the user, and what they typed but passwords. */
export function refusedFormState<T>(failure: Pick<Failure, "error" | "fieldErrors">, values: Record<string, string>, t: Translate): FormState<T> {
  return { status: "error", error: failure.error, values: withoutPasswords(values), ...describeFailure(failure, t) };
}

/**
 * What a refused form may send back to show again: everything but passwords, which would
 * otherwise travel back to the browser in the page's data and stay in its memory.
 */
export function withoutPasswords(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    // A field sent several times (checkboxes, a multiple choice) arrives as one comma-separated list.
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
