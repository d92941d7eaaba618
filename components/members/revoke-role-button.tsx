"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { revokeRoleAction } from "./actions";

export function RevokeRoleButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const t = useTranslations("members");
  const tCommon = useTranslations("common");
  const [state, action] = useActionState(revokeRoleAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmit
        label={t("revoke")}
        question={t("revokeConfirm", { name })}
        confirmLabel={t("revoke")}
        cancelLabel={tCommon("cancel")}
      />
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
