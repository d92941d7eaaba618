"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { runRetentionAction } from "./actions";

export function RunRetention({ peopleDue }: { peopleDue: number }) {
  const t = useTranslations("retention");
  const tCommon = useTranslations("common");
  const [state, run] = useActionState(runRetentionAction, idleForm);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      <form action={run}>
        <ConfirmSubmit label={t("runNow")} question={t("runConfirm", { count: peopleDue })} confirmLabel={t("runNow")} cancelLabel={tCommon("cancel")} />
      </form>
    </div>
  );
}
