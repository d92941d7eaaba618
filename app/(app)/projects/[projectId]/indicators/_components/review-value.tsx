"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { reviewValueAction } from "../actions";

type Props = { projectId: string; indicatorId: string; valueId: string; version: number; approvable: boolean };

/** A manager's decision on a reported value: approve it while it waits (`approvable`), or send it back with the reason. */
export function ReviewValue({ projectId, indicatorId, valueId, version, approvable }: Props) {
  const t = useTranslations("indicators");
  const [state, formAction] = useActionState(reviewValueAction, idleForm);
  return (
    <form action={formAction} className="mt-2 flex flex-col gap-2" aria-label={t("reviewValue")} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="valueId" value={valueId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        name="comment"
        id={`review-comment-${valueId}`}
        label={t("reviewComment")}
        rows={2}
        defaultValue={state.values?.comment ?? ""}
        error={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        {approvable && (
          <Button type="submit" name="decision" value="approve">
            {t("approve")}
          </Button>
        )}
        <Button type="submit" name="decision" value="send_back" variant="secondary">
          {t("sendBack")}
        </Button>
      </div>
    </form>
  );
}
