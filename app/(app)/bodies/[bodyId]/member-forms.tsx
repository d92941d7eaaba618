"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { DateField } from "@/components/ui/date-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { addBodyMemberAction, endBodyMembershipAction, removeBodyMembershipAction } from "../actions";

export function AddBodyMemberForm({ bodyId }: { bodyId: string }) {
  const t = useTranslations("bodies");
  const [state, action] = useActionState(addBodyMemberAction, idleForm);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="bodyId" value={bodyId} />
      <InstitutionPicker name="institutionId" label={t("memberInstitution")} error={state.fieldErrors?.institutionId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <DateField name="startDate" label={t("startDate")} required error={state.fieldErrors?.startDate} />
        <DateField name="endDate" label={t("endDate")} error={state.fieldErrors?.endDate} />
        <SubmitButton>{t("addMember")}</SubmitButton>
      </div>
    </form>
  );
}

export function MembershipControls({ bodyId, membershipId, name, isCurrent }: { bodyId: string; membershipId: string; name: string; isCurrent: boolean }) {
  const t = useTranslations("bodies");
  const tCommon = useTranslations("common");
  const [endState, end] = useActionState(endBodyMembershipAction, idleForm);
  const [removeState, remove] = useActionState(removeBodyMembershipAction, idleForm);
  return (
    <div className="flex flex-col gap-2">
      {isCurrent && (
        <form action={end} className="flex flex-wrap items-end gap-2" noValidate>
          <input type="hidden" name="bodyId" value={bodyId} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <DateField id={`end-${membershipId}`} name="endDate" label={t("endOn", { name })} required error={endState.fieldErrors?.endDate} />
          <SubmitButton variant="secondary">{t("endMembership")}</SubmitButton>
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="bodyId" value={bodyId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <ConfirmSubmit label={t("removeMember")} question={t("removeConfirm", { name })} confirmLabel={t("removeMember")} cancelLabel={tCommon("cancel")} />
      </form>
      {endState.status === "error" && !endState.fieldErrors?.endDate && <FormMessage state={endState} />}
      {removeState.status === "error" && <FormMessage state={removeState} />}
    </div>
  );
}
