"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { getOfflineKey } from "@/lib/account/use-cases";
import { idleForm, type FormState } from "@/lib/forms";
import { apiFetch } from "@/lib/http/api-fetch";
import { fetchInSession } from "@/lib/offline/session-end";
import { changePasswordAction } from "./actions";

/**
 * A new password ends every session, this one included, and the action then sends the browser to
 * sign-in (which reaches here as a thrown redirect). Before it goes, the server is asked whether the
 * session still stands: its 401 erases what this device kept offline.
 */
async function changePasswordHere(previous: FormState, formData: FormData): Promise<FormState> {
  try {
    return await changePasswordAction(previous, formData);
  } catch (redirectOrFailure) {
    await apiFetch<typeof getOfflineKey>("GET /account/offline-key", { init: { cache: "no-store" }, send: fetchInSession }).catch(() => undefined);
    throw redirectOrFailure;
  }
}

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action] = useActionState(changePasswordHere, idleForm);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" required error={error("currentPassword")} />
      <TextField name="newPassword" type="password" label={t("newPassword")} hint={t("passwordRule")} autoComplete="new-password" required error={error("newPassword")} />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={error("confirmPassword")} />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
