"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { wipeDevice } from "@/lib/offline/device-db";
import { forgetPages } from "@/lib/offline/page-cache";
import { useSyncStatus } from "./use-sync-status";

type Props = { signOut: () => Promise<void>; label: string };

/**
 * Signs out and erases everything Atelier kept on the device (roster, outbox, key, stored pages).
 * Changes not yet sent would be lost with it, so the user is asked first.
 */
export function SignOutForm({ signOut, label }: Props) {
  const t = useTranslations("offline");
  const { counts } = useSyncStatus();
  const unsent = counts.waiting + counts.refused;
  const leave = async () => {
    await Promise.all([wipeDevice(), forgetPages()]);
    await signOut();
  };
  return (
    <form action={leave}>
      {unsent > 0 ? (
        <ConfirmSubmit label={label} question={t("unsentWarning", { count: unsent })} confirmLabel={t("signOutAnyway")} cancelLabel={t("cancel")} variant="secondary" />
      ) : (
        <button type="submit" className={buttonClass("secondary", "min-h-9 py-1")}>
          {label}
        </button>
      )}
    </form>
  );
}
