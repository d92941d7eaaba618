"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { pinAction } from "../actions";

type Props = { projectId: string; evaluationId: string; statementId: string; current: string; groups: Option[]; label: string };

/** Whether, and for whom, a statement's figure shows on the project's dashboard. */
export function PinForm({ projectId, evaluationId, statementId, current, groups, label }: Props) {
  const t = useTranslations("evaluations");
  const [state, formAction] = useActionState(pinAction, idleForm);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-2" aria-label={label}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="statementId" value={statementId} />
      <SelectField
        name="show"
        id={`pin-${statementId}`}
        label={t("pin")}
        defaultValue={current}
        options={[
          { value: "none", label: t("pinNone") },
          { value: "all", label: t("pinAll") },
          ...groups.map((g) => ({ value: g.value, label: t("pinGroup", { group: g.label }) })),
        ]}
      />
      <SubmitButton variant="secondary">{t("pinSave")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
