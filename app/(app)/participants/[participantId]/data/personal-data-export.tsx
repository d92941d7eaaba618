"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { exportParticipantDataAction } from "./actions";

/** A button that makes the copy (a POST, so a link from elsewhere cannot), then shows it with its JSON download. */
export function PersonalDataExport({ participantId }: { participantId: string }) {
  const t = useTranslations("participants");
  const [state, formAction] = useActionState(exportParticipantDataAction, idleForm);
  const json = state.status === "success" ? JSON.stringify(state.data, null, 2) : null;
  return (
    <>
      <form action={formAction} className="mb-4 flex flex-wrap items-center gap-2">
        <input type="hidden" name="participantId" value={participantId} />
        <SubmitButton>{t("preparePersonalData")}</SubmitButton>
        {json && (
          <a className={buttonClass("secondary")} href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={`participant-${participantId}.json`}>
            {t("downloadJson")}
          </a>
        )}
      </form>
      {state.status === "error" && <FormMessage state={state} />}
      {json && (
        // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the copy scrolls, so it is focusable, and a focused element needs a name.
        <pre tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200 bg-white p-4 text-xs" aria-label={t("personalData")}>
          {json}
        </pre>
      )}
    </>
  );
}
