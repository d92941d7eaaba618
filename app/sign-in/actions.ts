"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CredentialsSignin } from "next-auth";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { signIn } from "@/lib/auth/next-auth";
import { setPasswordWithLink } from "@/lib/auth/service";
import { signInInput } from "@/lib/auth/schemas";
import { getSignInLock } from "@/lib/auth/throttle";
import { describeFailure, formValues, type FormState } from "@/lib/forms";
import { isSameOrigin } from "@/lib/http/origin";
import { rememberLocale } from "@/lib/i18n/locale-cookie";

/** Only paths on this site, so a crafted link cannot bounce a user to another site after sign-in. */
function safeCallbackUrl(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/projects";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  if (!isSameOrigin(await headers())) return { status: "error", message: t("errors.forbidden"), values };
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { status: "error", message: t("auth.invalid"), values: { email: values.email ?? "" } };

  const db = getDb();
  const lockedMessage = async (retryAt: Date | null) => {
    const format = await getFormatter();
    return t("auth.locked", { time: format.dateTime(retryAt ?? new Date(), { timeStyle: "short" }) });
  };
  const retryAt = await getSignInLock(db, parsed.data.email);
  if (retryAt) return { status: "error", message: await lockedMessage(retryAt), values: { email: parsed.data.email } };

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const message = error.code === "locked" ? await lockedMessage(await getSignInLock(db, parsed.data.email)) : t("auth.invalid");
    return { status: "error", message, values: { email: parsed.data.email } };
  }
  const [user] = await db
    .select({ locale: users.locale, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.email, parsed.data.email));
  if (user) await rememberLocale(user.locale);
  redirect(user?.mustChangePassword ? "/account" : safeCallbackUrl(values.callbackUrl));
}

export async function setPasswordWithLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  if (!isSameOrigin(await headers())) return { status: "error", message: t("errors.forbidden") };
  const result = await setPasswordWithLink(getDb(), values);
  if (!result.ok) {
    const described = describeFailure(result, t as never);
    const message = result.error === "not_found" ? t("auth.linkInvalid") : described.message;
    return { status: "error", message, fieldErrors: described.fieldErrors };
  }
  await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
  await rememberLocale(result.data.locale);
  redirect("/projects");
}
