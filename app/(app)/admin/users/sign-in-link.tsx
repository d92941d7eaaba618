"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Shows a one-time link to hand over, and whether its invitation went by mail; the link is never shown again once the page is left. */
export function SignInLink({ token, expiresAt, mailStatus }: { token: string; expiresAt: Date | string; mailStatus: string | null }) {
  const t = useTranslations("users");
  const format = useFormatter();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}/sign-in/link/${token}`;
  return (
    <div className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm">
      <p className="mb-1 font-medium">{t("linkLabel")}</p>
      <input
        readOnly
        aria-label={t("linkLabel")}
        value={url}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="mt-1 text-slate-700">{t("linkExpires", { date: format.dateTime(new Date(expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      {mailStatus && <p className="mt-1 text-slate-800">{mailStatus === "kept" ? t("invitationKept") : t("invitationSent")}</p>}
    </div>
  );
}
