"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { DateField } from "@/components/ui/date-field";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { createPeriodAction, createYearlyPeriodsAction, deletePeriodAction } from "./actions";

/** "Use the project's years", offered while the project has no period. */
export function UseProjectYears({ projectId }: { projectId: string }) {
  const t = useTranslations("indicators");
  const [state, action] = useActionState(createYearlyPeriodsAction, idleForm);
  return (
    <form action={action} className="mb-4">
      <input type="hidden" name="projectId" value={projectId} />
      <FormMessage state={state} />
      <SubmitButton>{t("useYears")}</SubmitButton>
    </form>
  );
}

/** A period named by the manager, within the project's dates. */
export function AddPeriod({ projectId }: { projectId: string }) {
  const t = useTranslations("indicators");
  const [state, action] = useActionState(createPeriodAction, idleForm);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-labelledby="add-period">
      <h2 id="add-period" className="text-lg font-semibold">
        {t("addPeriod")}
      </h2>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label={t("periodName")} required defaultValue={state.status === "error" ? state.values?.name : ""} error={error("name")} />
        <DateField name="startDate" label={t("startDate")} required defaultValue={state.status === "error" ? state.values?.startDate : ""} error={error("startDate")} />
        <DateField name="endDate" label={t("endDate")} required defaultValue={state.status === "error" ? state.values?.endDate : ""} error={error("endDate")} />
      </div>
      <div>
        <SubmitButton>{t("addPeriod")}</SubmitButton>
      </div>
    </form>
  );
}

/** Deletes a period after a confirmation; one that targets are set for is refused, with the count. */
export function DeletePeriod({ projectId, periodId, name }: { projectId: string; periodId: string; name: string }) {
  const t = useTranslations("indicators");
  const tCommon = useTranslations("common");
  const [state, action] = useActionState(deletePeriodAction, idleForm);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="periodId" value={periodId} />
      <ConfirmSubmit label={t("deletePeriod")} question={t("deletePeriodConfirm", { name })} confirmLabel={t("deletePeriod")} cancelLabel={tCommon("cancel")} variant="ghost" />
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-800">
          {state.fieldErrors?.periodId ?? state.message}
        </p>
      )}
    </form>
  );
}
