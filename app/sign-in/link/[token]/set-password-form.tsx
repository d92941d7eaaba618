"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { setPasswordWithLinkAction } from "../../actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(setPasswordWithLinkAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      <TextField name="password" type="password" label={t("newPassword")} hint={t("passwordRule")} autoComplete="new-password" required error={state.fieldErrors?.password} />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
      <SubmitButton>{t("setPassword")}</SubmitButton>
    </form>
  );
}
