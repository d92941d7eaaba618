"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { setCertificateRuleAction } from "../actions";

type Props = { projectId: string; workshopId: string; minAttendancePercent: number; hours: number | null; minPostTestPercent: number | null; hasLogo: boolean; version: number };

/** The manager's rule: the share of days that qualifies, optionally a post-test score, the hours the certificate states and the organisers' logo. */
export function RuleForm({ projectId, workshopId, minAttendancePercent, hours, minPostTestPercent, hasLogo, version }: Props) {
  const t = useTranslations("certificates");
  const [state, formAction] = useActionState(setCertificateRuleAction, idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={t("rule")} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="minAttendancePercent"
        label={t("minAttendance")}
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue={state.values?.minAttendancePercent ?? minAttendancePercent}
        error={state.fieldErrors?.minAttendancePercent}
      />
      <TextField name="hours" label={t("hours")} type="number" inputMode="numeric" min={1} defaultValue={state.values?.hours ?? hours ?? ""} error={state.fieldErrors?.hours} />
      <TextField
        name="minPostTestPercent"
        label={t("minPostTest")}
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue={state.values?.minPostTestPercent ?? minPostTestPercent ?? ""}
        error={state.fieldErrors?.minPostTestPercent}
      />
      <TextField
        name="logo"
        label={t("logo")}
        hint={t("logoHint")}
        type="file"
        accept="image/png,image/jpeg"
        error={state.fieldErrors?.["logo.type"] ?? state.fieldErrors?.["logo.data"]}
      />
      {hasLogo && <CheckboxField name="removeLogo" label={t("removeLogo")} />}
      <SubmitButton>{t("saveRule")}</SubmitButton>
    </form>
  );
}
