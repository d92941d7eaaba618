"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { deleteIndicatorAction } from "../actions";

/** Deletes an indicator and its targets after a confirmation, then goes back to the result it measured. */
export function DeleteIndicator({ projectId, indicatorId, resultId, code }: { projectId: string; indicatorId: string; resultId: string; code: string }) {
  const t = useTranslations("indicators");
  const tCommon = useTranslations("common");
  const [state, remove] = useActionState(deleteIndicatorAction, idleForm);
  return (
    <form action={remove}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="resultId" value={resultId} />
      <ConfirmSubmit label={t("delete")} question={t("deleteConfirm", { code })} confirmLabel={t("delete")} cancelLabel={tCommon("cancel")} variant="secondary" />
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
