import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getWriteContext } from "./request-context";
import { formValues, refusedFormState, type FormState } from "./forms";
import type { MessageKey } from "./i18n/messages";
import type { Ctx } from "./session-user";
import type { Result } from "./result";

/**
 * The body of every form's server action: checks the Origin, runs the use case with the form's
 * fields, and turns its answer into a FormState worded in the user's language.
 */
export async function runFormAction<T>(formData: FormData, run: (ctx: Ctx, input: Record<string, string>) => Promise<Result<T>>, successKey?: MessageKey): Promise<FormState<T>> {
  const t = await getTranslations();
  const values = formValues(formData);
  const result = await run(await getWriteContext(), values);
  if (!result.ok) return refusedFormState(result, values, t);
  revalidatePath("/", "layout");
  return { status: "success", message: successKey ? t(successKey) : undefined, data: result.data };
}
