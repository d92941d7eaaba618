"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { levelWording } from "@/lib/evaluations/scale-wording";
import { idleForm } from "@/lib/forms";
import { addResponseAction } from "../actions";

type Props = { projectId: string; evaluationId: string; scaleSize: number; groups: Option[]; statements: { key: string; label: string }[] };

/** A paper questionnaire typed in: the respondent's group and a level per statement they answered. */
export function ResponseForm({ projectId, evaluationId, scaleSize, groups, statements }: Props) {
  const t = useTranslations("evaluations");
  const locale = useLocale();
  const [state, formAction] = useActionState(addResponseAction, idleForm);
  const levels = [
    { value: "", label: t("noAnswer") },
    ...Array.from({ length: scaleSize }, (_, i) => ({ value: String(i + 1), label: t("levelWorded", { level: i + 1, wording: levelWording(scaleSize, i + 1, locale) }) })),
  ];
  return (
    <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">{t("enter")}</summary>
      <form action={formAction} className="mt-3 flex flex-col gap-3" aria-label={t("enter")} noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="evaluationId" value={evaluationId} />
        <SelectField name="group" label={t("enterGroup")} options={groups} error={state.fieldErrors?.group} />
        {statements.map((s) => (
          <SelectField key={s.key} id={`answer-${s.key}`} name={`answer:${s.key}`} label={s.label} defaultValue="" options={levels} />
        ))}
        {state.fieldErrors?.answers && <p className="text-sm text-red-800">{state.fieldErrors.answers}</p>}
        <SubmitButton className="self-start">{t("enterSave")}</SubmitButton>
      </form>
    </details>
  );
}
