"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action] = useActionState(changePasswordAction, idleForm);
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
