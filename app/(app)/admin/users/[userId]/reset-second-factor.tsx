"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { resetSecondFactorAction } from "../actions";

/** For a user who lost their phone: turns their second factor off, after a confirmation. */
export function ResetSecondFactor({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("secondFactor");
  const [state, reset] = useActionState(resetSecondFactorAction, idleForm);
  return (
    <form action={reset} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      {state.status !== "success" && <ConfirmSubmit label={t("reset")} question={t("resetQuestion", { name })} confirmLabel={t("reset")} cancelLabel={t("cancel")} />}
    </form>
  );
}
