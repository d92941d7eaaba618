"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { idleForm } from "@/lib/forms";
import { markDistinctAction, mergeParticipantsAction } from "../actions";

type Person = { id: string; name: string };

/** The three answers to a proposed pair: keep one and merge the other into it, or "not the same person". */
export function PairDecision({ first, second }: { first: Person; second: Person }) {
  const t = useTranslations("participants");
  const tCommon = useTranslations("common");
  const [mergeState, merge] = useActionState(mergeParticipantsAction, idleForm);
  const [distinctState, distinct] = useActionState(markDistinctAction, idleForm);
  const keepForm = (keep: Person, other: Person) => (
    <form action={merge}>
      <input type="hidden" name="keepId" value={keep.id} />
      <input type="hidden" name="otherId" value={other.id} />
      <ConfirmSubmit
        variant="secondary"
        label={t("keep", { name: keep.name })}
        question={t("mergeConfirm", { keep: keep.name, other: other.name })}
        confirmLabel={t("merge")}
        cancelLabel={tCommon("cancel")}
      />
    </form>
  );
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {keepForm(first, second)}
        {keepForm(second, first)}
        <form action={distinct}>
          <input type="hidden" name="keepId" value={first.id} />
          <input type="hidden" name="otherId" value={second.id} />
          <Button type="submit" variant="ghost">
            {t("notSamePerson")}
          </Button>
        </form>
      </div>
      <FormMessage state={mergeState.status === "idle" ? distinctState : mergeState} />
    </div>
  );
}
