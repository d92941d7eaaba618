"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TranslatedFields } from "@/components/translated-fields";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { ExpectedResult } from "@/db/schema";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  /** The result edited; none for a new one. */
  result?: ExpectedResult;
  /** A new result's parent (none: the ultimate outcome), or the results an edited one may move under. */
  parentId: string | null;
  parents: Option[];
  suggestedCode: string | null;
  cancelHref: string;
};

/** An expected result: its code, the result it sits under, its statement in each language. */
export function ResultForm({ action, projectId, result, parentId, parents, suggestedCode, cancelHref }: Props) {
  const t = useTranslations("logicModel");
  const [state, formAction] = useActionState(action, idleForm);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {result && (
        <>
          <input type="hidden" name="resultId" value={result.id} />
          <input type="hidden" name="version" value={result.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label={t("code")} hint={t("codeHint")} defaultValue={state.values?.code ?? result?.code ?? suggestedCode ?? ""} error={error("code")} />
        {result && parents.length > 0 ? (
          <SelectField name="parentId" label={t("parent")} defaultValue={state.values?.parentId ?? parentId ?? ""} options={parents} error={error("parentId")} />
        ) : (
          <input type="hidden" name="parentId" value={parentId ?? ""} />
        )}
      </div>
      {!result && error("parentId") && <p className="text-sm text-red-800">{error("parentId")}</p>}
      <TranslatedFields
        fields={[{ name: "statement", label: t("statement"), multiline: true }]}
        stored={result && { statement: result.statement }}
        typed={state.values}
        errors={state.fieldErrors}
      />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
