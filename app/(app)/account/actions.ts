"use server";

import { redirect } from "next/navigation";
import { confirmSecondFactor, disableSecondFactor, startSecondFactor } from "@/lib/account/second-factor";
import { changePassword } from "@/lib/account/use-cases";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/use-cases";
import { renewCalendarFeed } from "@/lib/calendar/feed";
import { setMailPreferences } from "@/lib/mail/preferences";
import { signOut } from "@/lib/auth/next-auth";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";

/** A new password revokes every session, this one included: the user signs in again with it. */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, changePassword);
  if (state.status !== "success") return state;
  await signOut({ redirect: false });
  redirect("/sign-in?changed=1");
}

export async function createApiTokenAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, createApiToken);
}

export async function revokeApiTokenAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, revokeApiToken, "apiTokens.revokedMessage");
}

export async function renewCalendarFeedAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, renewCalendarFeed);
}

export async function startSecondFactorAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, startSecondFactor);
}

export async function confirmSecondFactorAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, confirmSecondFactor);
}

export async function disableSecondFactorAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, disableSecondFactor);
}

export async function setMailPreferencesAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, setMailPreferences, "mailPreferences.saved");
}
