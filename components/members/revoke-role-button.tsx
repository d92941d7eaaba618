"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm, type FormState } from "@/lib/forms";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; projectId: string; userId: string; name: string };

export function RevokeRoleButton({ action, projectId, userId, name }: Props) {
  const t = useTranslations("members");
  const tCommon = useTranslations("common");
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmit label={t("revoke")} question={t("revokeConfirm", { name })} confirmLabel={t("revoke")} cancelLabel={tCommon("cancel")} />
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
