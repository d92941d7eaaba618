"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { setPasswordFromLink, signedInPreferences, signInRefusal } from "@/lib/auth/sign-in-routes";
import { resetPasswordByMail } from "@/lib/password-reset/routes";
import { signInInput } from "@/lib/auth/schemas";
import { describeFailure, formValues, withoutPasswords, type FormState } from "@/lib/forms";
import { isSameOrigin } from "@/lib/origin";
import { rememberLocale } from "@/lib/i18n/locale-cookie";

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { status: "error", message: t("errors.forbidden"), values: withoutPasswords(values) };
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { status: "error", message: t("auth.invalid"), values: { email: values.email ?? "" } };

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, code: parsed.data.code ?? "", redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    // The password was right: the form asks for the second factor's code and sends both again.
    if (error.code === "code_required") return { status: "error", error: "code_required", message: t("auth.codeRequired"), values: { email: parsed.data.email } };
    return { status: "error", message: await refusalMessage(error.code, parsed.data.email, clientAddressFrom(requestHeaders)), values: { email: parsed.data.email } };
  }
  const user = await signedInPreferences(parsed.data.email);
  if (user) await rememberLocale(user.locale);
  // isSameOrigin above has checked that the Origin header names this site.
  redirect(user?.mustChangePassword ? "/account" : safeCallbackPath(values.callbackUrl, requestHeaders.get("origin") ?? ""));
}

async function refusalMessage(code: string, email: string, clientAddress: string): Promise<string> {
  const t = await getTranslations("auth");
  if (code === "busy") return t("busy");
  if (code !== "locked") return t("invalid");
  const refusal = await signInRefusal(email, clientAddress);
  const retryAt = refusal?.reason === "locked" ? refusal.retryAt : new Date();
  return t("locked", { time: (await getFormatter()).dateTime(retryAt, { timeStyle: "medium" }) });
}

export async function setPasswordWithLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  if (!isSameOrigin(await headers())) return { status: "error", message: t("errors.forbidden") };
  const result = await setPasswordFromLink(values);
  if (!result.ok) {
    const described = describeFailure(result, t);
    const message = result.error === "not_found" ? t("auth.linkInvalid") : described.message;
    return { status: "error", message, fieldErrors: described.fieldErrors };
  }
  await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
  await rememberLocale(result.data.locale);
  redirect("/projects");
}

/** "Forgot your password?": the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { status: "error", message: t("errors.forbidden"), values };
  const outcome = await resetPasswordByMail(values, clientAddressFrom(requestHeaders));
  if (outcome === "invalid") return { status: "error", message: t("validation.invalidEmail"), fieldErrors: { email: t("validation.invalidEmail") }, values };
  if (outcome === "too_many") return { status: "error", message: t("auth.forgotTooMany"), values };
  return { status: "success", data: null, message: t("auth.forgotSent") };
}
