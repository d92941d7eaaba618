import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getWriteContext } from "./request-context";
import { describeFailure, formValues, type FormState } from "./forms";
import type { Ctx } from "./session-user";
import type { Result } from "./result";

/**
 * The body of every form's server action: checks the Origin, runs the use case with the form's
 * fields, and turns its answer into a FormState worded in the user's language.
 */
export async function runFormAction<T>(
  formData: FormData,
  run: (ctx: Ctx, input: Record<string, string>) => Promise<Result<T>>,
  successKey?: string,
): Promise<FormState<T>> {
  const t = await getTranslations();
  const values = formValues(formData);
  const result = await run(await getWriteContext(), values);
  if (!result.ok) {
    return { status: "error", error: result.error, values: withoutPasswords(values), ...describeFailure(result, t as never) };
  }
  revalidatePath("/", "layout");
  return { status: "success", message: successKey ? t(successKey as never) : undefined, data: result.data };
}

/**
 * What a refused form may send back to show again: everything but passwords, which would
 * otherwise travel back to the browser in the page's data and sit in its memory.
 */
export function withoutPasswords(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}
