"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { optionalMailKinds, type OptionalMailKind } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { setMailPreferencesAction } from "./actions";

/** Which notices reach the user by mail: one box per kind that may be turned off. */
export function MailPreferences({ receives }: { receives: OptionalMailKind[] }) {
  const t = useTranslations("mailPreferences");
  const [state, save] = useActionState(setMailPreferencesAction, idleForm);
  const current = state.status === "success" ? state.data.receives : receives;
  return (
    <form action={save} className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <FormMessage state={state} />
      {optionalMailKinds.map((kind) => (
        <CheckboxField key={`${kind}-${current.includes(kind)}`} id={`mail-${kind}`} name={kind} label={t(kind)} defaultChecked={current.includes(kind)} />
      ))}
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
