"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInAction, idleForm);
  // Kept while the second factor's code is asked for, since both are sent again together.
  const [password, setPassword] = useState("");
  const [asksCode, setAsksCode] = useState(false);
  if (state.error === "code_required" && !asksCode) setAsksCode(true);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state.values?.email} />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {asksCode && <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" inputMode="text" required autoFocus />}
      <SubmitButton>{t("signIn")}</SubmitButton>
      <Link href="/sign-in/forgot" className="text-sm">
        {t("forgot")}
      </Link>
    </form>
  );
}
