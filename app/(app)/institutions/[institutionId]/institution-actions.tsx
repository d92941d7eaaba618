"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { mergeInstitutionsAction, setInstitutionActiveAction } from "../actions";

type Props = { institutionId: string; name: string; isActive: boolean };

/** Archive or restore, and merge this record into the one that stays: managers and admins only. */
export function InstitutionActions({ institutionId, name, isActive }: Props) {
  const t = useTranslations("institutions");
  const tCommon = useTranslations("common");
  const [activeState, setActive] = useActionState(setInstitutionActiveAction, idleForm);
  const [mergeState, merge] = useActionState(mergeInstitutionsAction, idleForm);
  return (
    <div className="flex flex-col gap-6">
      <form action={setActive} className="flex flex-col gap-2">
        <FormMessage state={activeState} />
        <input type="hidden" name="institutionId" value={institutionId} />
        <input type="hidden" name="isActive" value={String(!isActive)} />
        <div>
          {isActive ? (
            <ConfirmSubmit label={t("archive")} question={t("archiveConfirm", { name })} confirmLabel={t("archive")} cancelLabel={tCommon("cancel")} />
          ) : (
            <SubmitButton variant="secondary">{t("restore")}</SubmitButton>
          )}
        </div>
      </form>
      <form action={merge} className="flex flex-col gap-3">
        <h3 className="font-medium">{t("mergeTitle")}</h3>
        <p className="text-sm text-slate-700">{t("mergeExplain", { name })}</p>
        <FormMessage state={mergeState} />
        <input type="hidden" name="sourceId" value={institutionId} />
        <InstitutionPicker name="targetId" label={t("mergeTarget")} excludeId={institutionId} error={mergeState.fieldErrors?.targetId} />
        <div>
          <ConfirmSubmit label={t("merge")} question={t("mergeConfirm", { name })} confirmLabel={t("merge")} cancelLabel={tCommon("cancel")} />
        </div>
      </form>
    </div>
  );
}
