"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { CoordinationBody } from "@/db/schema";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  body?: CoordinationBody;
  countries: Option[];
  cancelHref: string;
};

export function BodyForm({ action, body, countries, cancelHref }: Props) {
  const t = useTranslations("bodies");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof CoordinationBody) => state.values?.[field] ?? (body ? String(body[field] ?? "") : "");
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {body && (
        <>
          <input type="hidden" name="bodyId" value={body.id} />
          <input type="hidden" name="version" value={body.version} />
        </>
      )}
      <TextField name="name" label={t("name")} required defaultValue={value("name")} error={error("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="acronym" label={t("acronym")} defaultValue={value("acronym")} error={error("acronym")} />
        <SelectField name="country" label={t("country")} defaultValue={value("country") || "HN"} error={error("country")} options={countries} />
      </div>
      <TextAreaField name="description" label={t("description")} defaultValue={value("description")} error={error("description")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
