"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { projectRoles } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { grantRoleAction } from "./actions";

export function GrantRoleForm({ userId, projects }: { userId: string; projects: Option[] }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const [state, action] = useActionState(grantRoleAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-3">
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
