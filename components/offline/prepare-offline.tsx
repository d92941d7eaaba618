"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { LoadedRoster } from "@/lib/offline/load-roster";
import { keepPageOffline } from "@/lib/offline/page-cache";
import { storeRoster } from "@/lib/offline/rosters";
import { hasPin, setPin } from "@/lib/offline/vault";
import { queryKeys } from "@/lib/query-keys";
import { ChoosePin } from "./offline-pin";

type Props = { userId: string; loaded: LoadedRoster; online: boolean };

/**
 * Stores what check-in needs without a connection: the roster (sealed on the device) and the page
 * itself. The first time, the user chooses the offline PIN that alone opens it without a
 * connection. Asks the browser to keep the storage, so the outbox is not evicted when space runs low.
 */
export function PrepareOffline({ userId, loaded, online }: Props) {
  const t = useTranslations("offline");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "choosingPin" | "busy" | "failed">("idle");
  const prepare = async () => {
    setState("busy");
    try {
      await storeRoster(userId, loaded.roster);
      await Promise.all([keepPageOffline(window.location.pathname), navigator.storage?.persist?.()]);
      // Fetched again, so the stored copy is the newest one.
      await queryClient.invalidateQueries({ queryKey: queryKeys.attendance.roster(loaded.roster.workshop.id) });
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  const start = async () => {
    if (await hasPin(userId).catch(() => false)) return prepare();
    setState("choosingPin");
  };
  const choose = async (pin: string) => {
    try {
      await setPin(userId, pin);
    } catch {
      return setState("failed");
    }
    await prepare();
  };
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-2 text-sm" data-testid="prepare-offline">
      {loaded.prepared ? (
        <span className="rounded bg-teal-100 px-2 py-1 text-teal-900">
          {t("prepared", { time: format.dateTime(new Date(loaded.roster.preparedAt), { dateStyle: "short", timeStyle: "short" }) })}
        </span>
      ) : null}
      {online && state !== "choosingPin" && (
        <Button variant="secondary" onClick={() => void start()} disabled={state === "busy"}>
          {state === "busy" ? t("preparing") : loaded.prepared ? t("update") : t("prepare")}
        </Button>
      )}
      {state === "choosingPin" && <ChoosePin onChosen={choose} onCancel={() => setState("idle")} />}
      {state === "failed" && (
        <span role="alert" className="text-red-800">
          {t("prepareFailed")}
        </span>
      )}
    </div>
  );
}
