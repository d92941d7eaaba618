"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { locales, type Locale } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { createThemeAction } from "../actions";

/** A theme of the project's own, beside the usual six, named in the writer's language. */
export function ThemeForm({ projectId, locale }: { projectId: string; locale: Locale }) {
  const t = useTranslations("findings");
  const [state, formAction] = useActionState(createThemeAction, idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={t("ownTheme")} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <TextField name="name" label={t("ownThemeName")} error={state.fieldErrors?.[`name.${state.values?.language ?? locale}`]} />
      <SelectField name="language" label={t("original")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
      <SubmitButton variant="secondary">{t("addTheme")}</SubmitButton>
    </form>
  );
}
