"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { setLocale } from "@/lib/account/use-cases";
import { isLocale } from "@/lib/i18n/config";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { getRequestContext, getWriteContext } from "@/lib/request-context";
import { isSameOrigin } from "@/lib/origin";

/** Works signed out too (sign-in page); when signed in, the choice is also stored on the user. */
export async function switchLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale) || !isSameOrigin(await headers())) return;
  const ctx = await getRequestContext();
  if (ctx.user) await setLocale(await getWriteContext(), { locale });
  await rememberLocale(locale);
  revalidatePath("/", "layout");
}
