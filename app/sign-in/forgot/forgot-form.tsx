"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { requestPasswordResetAction } from "../actions";

export function ForgotForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(requestPasswordResetAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton>{t("forgotSend")}</SubmitButton>
    </form>
  );
}
