"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { issueSignInLinkAction, setUserActiveAction } from "../actions";
import { SignInLink } from "../sign-in-link";

export function UserAccessActions({ userId, name, isActive }: { userId: string; name: string; isActive: boolean }) {
  const t = useTranslations("users");
  const tCommon = useTranslations("common");
  const [activeState, setActive] = useActionState(setUserActiveAction, idleForm);
  const [linkState, issueLink] = useActionState(issueSignInLinkAction, idleForm);
  const link = linkState.status === "success" ? linkState.data : null;
  return (
    <div className="flex flex-col gap-4">
      <FormMessage state={activeState} />
      <div className="flex flex-wrap gap-3">
        <form action={setActive}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="isActive" value={String(!isActive)} />
          {isActive ? (
            <ConfirmSubmit label={t("deactivate")} question={t("deactivateConfirm", { name })} confirmLabel={t("deactivate")} cancelLabel={tCommon("cancel")} />
          ) : (
            <SubmitButton variant="secondary">{t("reactivate")}</SubmitButton>
          )}
        </form>
        {isActive && (
          <form action={issueLink}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton variant="secondary">{t("issueLink")}</SubmitButton>
          </form>
        )}
      </div>
      {linkState.status === "error" && <FormMessage state={linkState} />}
      {link && <SignInLink token={link.token} expiresAt={link.expiresAt} mailStatus={link.invitation.status} />}
    </div>
  );
}
