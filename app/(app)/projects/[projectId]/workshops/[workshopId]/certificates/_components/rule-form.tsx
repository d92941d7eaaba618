"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { setCertificateRuleAction } from "../actions";

type Props = { projectId: string; workshopId: string; minAttendancePercent: number; hours: number | null; minPostTestPercent: number | null; version: number };

/** The manager's rule: the share of days that qualifies, optionally a post-test score, and the hours the certificate states. */
export function RuleForm({ projectId, workshopId, minAttendancePercent, hours, minPostTestPercent, version }: Props) {
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
      <SubmitButton>{t("saveRule")}</SubmitButton>
    </form>
  );
}
