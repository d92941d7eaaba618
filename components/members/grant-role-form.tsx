"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { projectRoles } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; userId: string; projects: Option[] };

export function GrantRoleForm({ action, userId, projects }: Props) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <SelectField name="projectId" label={t("project")} options={projects} error={state.fieldErrors?.projectId} />
        <SelectField name="role" label={t("role")} options={projectRoles.map((r) => ({ value: r, label: tRoles(r) }))} error={state.fieldErrors?.role} />
        <SubmitButton>{t("grant")}</SubmitButton>
      </div>
    </form>
  );
}
