"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { DateField } from "@/components/ui/date-field";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { sourceKinds } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { sourceFileTypes } from "@/lib/studies/schemas";
import { addSourceAction } from "../actions";

/** A workshop, an interview or a document for the study, with a link or a file of up to 20 MB. */
export function SourceForm({ projectId, studyId, workshops }: { projectId: string; studyId: string; workshops: Option[] }) {
  const t = useTranslations("studies");
  const [state, formAction] = useActionState(addSourceAction, idleForm);
  const error = (field: string) => state.fieldErrors?.[field] ?? state.fieldErrors?.[`${field}.type`];
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" aria-label={t("addSource")} noValidate>
      <h3 className="font-medium">{t("addSource")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="studyId" value={studyId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="kind" label={t("sourceKind")} defaultValue="document" options={sourceKinds.map((k) => ({ value: k, label: t(`sourceKinds.${k}`) }))} />
        <TextField name="title" label={t("sourceTitle")} required error={error("title")} />
        <DateField name="date" label={t("sourceDate")} error={error("date")} />
        <SelectField name="workshopId" label={t("sourceWorkshop")} defaultValue="" error={error("workshopId")} options={[{ value: "", label: t("noWorkshop") }, ...workshops]} />
        <TextField name="url" type="url" label={t("sourceUrl")} error={error("url")} />
        <TextField name="file" type="file" label={t("sourceFile")} accept={sourceFileTypes.join(",")} error={error("file")} />
      </div>
      <SubmitButton className="self-start">{t("addSource")}</SubmitButton>
    </form>
  );
}
