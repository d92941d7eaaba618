"use server";

import { resetSecondFactor } from "@/lib/account/second-factor";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createUser, issueSignInLink, setUserActive } from "@/lib/users/use-cases";

export async function createUserAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, createUser, "users.created");
}

export async function setUserActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const isActive = formData.get("isActive") === "true";
  return runFormAction(formData, setUserActive, isActive ? "users.reactivated" : "users.deactivated");
}

export async function issueSignInLinkAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, issueSignInLink, "users.linkIssued");
}

export async function resetSecondFactorAction(_prev: FormState, formData: FormData) {
  return runFormAction(formData, resetSecondFactor, "secondFactor.resetDone");
}
