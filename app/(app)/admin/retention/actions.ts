"use server";

import { getTranslations } from "next-intl/server";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { runRetentionNow } from "@/lib/retention/use-cases";

export async function runRetentionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, runRetentionNow);
  if (state.status !== "success") return state;
  const t = await getTranslations("retention");
  return { ...state, message: t("ran", { count: state.data.people }) };
}
