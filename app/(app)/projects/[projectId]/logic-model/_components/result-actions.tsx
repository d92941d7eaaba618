"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { deleteResultAction, moveResultAction } from "../actions";

type Props = { projectId: string; resultId: string; code: string; first: boolean; last: boolean };

/** A result's order among its siblings, and its deletion after a confirmation; a refusal says what is in the way. */
export function ResultActions({ projectId, resultId, code, first, last }: Props) {
  const t = useTranslations("logicModel");
  const tCommon = useTranslations("common");
  const [moveState, move] = useActionState(moveResultAction, idleForm);
  const [deleteState, remove] = useActionState(deleteResultAction, idleForm);
  const refusal = deleteState.fieldErrors?.resultId;
  const ids = (
    <>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="resultId" value={resultId} />
    </>
  );
  const steps = [...(first ? [] : [{ direction: "up", arrow: "↑", label: "moveUp" } as const]), ...(last ? [] : [{ direction: "down", arrow: "↓", label: "moveDown" } as const])];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {steps.map(({ direction, arrow, label }) => (
          <form key={direction} action={move}>
            {ids}
            <input type="hidden" name="direction" value={direction} />
            <SubmitButton variant="ghost" aria-label={t(label, { code })}>
              {arrow}
            </SubmitButton>
          </form>
        ))}
        <form action={remove}>
          {ids}
          <ConfirmSubmit label={t("delete")} question={t("deleteConfirm", { code })} confirmLabel={t("delete")} cancelLabel={tCommon("cancel")} variant="secondary" />
        </form>
      </div>
      {moveState.status === "error" && <FormMessage state={moveState} />}
      {deleteState.status === "error" && (
        <p role="alert" className="text-sm text-red-800">
          {refusal ?? deleteState.message}
        </p>
      )}
    </div>
  );
}
