"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { eraseParticipantAction } from "../actions";

export function EraseButton({ participantId, name }: { participantId: string; name: string }) {
  const t = useTranslations("participants");
  const tCommon = useTranslations("common");
  const [state, action] = useActionState(eraseParticipantAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="participantId" value={participantId} />
      <div>
        <ConfirmSubmit label={t("erase")} question={t("eraseConfirm", { name })} confirmLabel={t("erase")} cancelLabel={tCommon("cancel")} />
      </div>
    </form>
  );
}
