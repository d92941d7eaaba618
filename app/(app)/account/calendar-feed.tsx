"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { renewCalendarFeedAction } from "./actions";

/** The user's private calendar address: made or renewed here, shown once, to subscribe to in a calendar app. */
export function CalendarFeed({ createdAt }: { createdAt: Date | null }) {
  const t = useTranslations("calendar");
  const format = useFormatter();
  const [renewed, renew] = useActionState(renewCalendarFeedAction, idleForm);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const since = renewed.status === "success" ? renewed.data.createdAt : createdAt;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="text-sm">{since ? t("since", { date: format.dateTime(new Date(since), { dateStyle: "medium" }) }) : t("none")}</p>
      <form action={renew}>
        {since ? (
          <ConfirmSubmit label={t("renew")} question={t("renewQuestion")} confirmLabel={t("renew")} cancelLabel={t("cancel")} />
        ) : (
          <SubmitButton variant="secondary">{t("create")}</SubmitButton>
        )}
      </form>
      {renewed.status === "error" && <FormMessage state={renewed} />}
      {renewed.status === "success" && (
        <div role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm">
          <p className="mb-1 font-medium">{t("shownOnce")}</p>
          <input
            readOnly
            aria-label={t("addressLabel")}
            value={`${origin}${renewed.data.path}`}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
