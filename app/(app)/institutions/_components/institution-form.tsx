"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Institution } from "@/db/schema";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  institution?: Institution;
  parent?: { id: string; name: string } | null;
  countries: Option[];
  cancelHref: string;
};

export function InstitutionForm({ action, institution, parent, countries, cancelHref }: Props) {
  const t = useTranslations("institutions");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof Institution) => state.values?.[field] ?? (institution ? String(institution[field] ?? "") : "");
  const error = (field: string) => state.fieldErrors?.[field];
  const sectors = institutionSectors.map((v) => ({ value: v, label: t(`sectors.${v}`) }));
  const kinds = institutionKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) }));
  const levels = institutionLevels.map((v) => ({ value: v, label: t(`levels.${v}`) }));
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {institution && (
        <>
          <input type="hidden" name="institutionId" value={institution.id} />
          <input type="hidden" name="version" value={institution.version} />
        </>
      )}
      <TextField name="name" label={t("name")} required defaultValue={value("name")} error={error("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="acronym" label={t("acronym")} defaultValue={value("acronym")} error={error("acronym")} />
        <SelectField name="country" label={t("country")} defaultValue={value("country") || "HN"} error={error("country")} options={countries} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="sector" label={t("sector")} defaultValue={value("sector") || "state"} error={error("sector")} options={sectors} />
        <SelectField name="kind" label={t("kind")} defaultValue={value("kind") || "ministry"} error={error("kind")} options={kinds} />
        <SelectField name="level" label={t("level")} defaultValue={value("level") || "national"} error={error("level")} options={levels} />
      </div>
      <InstitutionPicker name="parentId" label={t("parent")} initial={parent ?? null} excludeId={institution?.id} error={error("parentId")} allowNone />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="city" label={t("city")} defaultValue={value("city")} error={error("city")} />
        <TextField name="website" type="url" label={t("website")} defaultValue={value("website")} error={error("website")} />
      </div>
      <TextAreaField name="notes" label={t("notes")} defaultValue={value("notes")} error={error("notes")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
