"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { syncNow } from "@/lib/offline/sync-engine";
import { refusedEntries } from "@/lib/offline/sync-status";
import { RefusedChanges } from "./refused-changes";
import { useSyncStatus } from "./use-sync-status";

/**
 * One line under the header: connection, changes waiting, last sync, and any refused change. Its
 * size is the same from the server's first paint on, whatever the texts become (two fixed rows on a
 * phone, one on a wider screen, each cut rather than wrapped), so nothing below it moves.
 */
export function SyncStatusBar() {
  const t = useTranslations("offline");
  const format = useFormatter();
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  const { waiting } = status.counts;
  const refused = refusedEntries(status);
  return (
    <section aria-label={t("status")} className="border-b border-slate-200 bg-slate-50 text-sm">
      <div className="mx-auto flex min-h-10 max-w-6xl items-center gap-x-4 px-4 py-1">
        <p role="status" className="flex min-w-0 flex-1 flex-col sm:flex-row sm:gap-x-4" data-testid="sync-status">
          <span className="truncate">
            <span className="mr-4 inline-flex items-center gap-1" data-testid="connection">
              <span aria-hidden className={`inline-block size-2 rounded-full ${status.online ? "bg-teal-700" : "bg-amber-600"}`} />
              {status.online ? t("online") : t("offline")}
            </span>
            <span data-testid="waiting">{t("waiting", { count: waiting })}</span>
          </span>
          <span className="truncate text-slate-700">
            {status.syncing ? t("syncing") : status.lastSyncAt ? t("lastSync", { time: format.relativeTime(status.lastSyncAt, Date.now()) }) : t("neverSynced")}
          </span>
        </p>
        {refused.length > 0 && (
          <Button variant="ghost" className="min-h-8 shrink-0 py-0 text-red-800" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t("refusedCount", { count: refused.length })} · {open ? t("hide") : t("review")}
          </Button>
        )}
        {waiting > 0 && status.online && !status.syncing && (
          <Button variant="ghost" className="min-h-8 shrink-0 py-0" onClick={() => void syncNow()}>
            {t("syncNow")}
          </Button>
        )}
      </div>
      {status.signedOut && <p className="mx-auto max-w-6xl px-4 pb-1 text-amber-900">{t("signedOut")}</p>}
      {open && refused.length > 0 && <RefusedChanges userId={status.userId!} entries={status.entries} />}
    </section>
  );
}
