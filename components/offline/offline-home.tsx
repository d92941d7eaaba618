"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { calendarDate } from "@/lib/i18n/dates";
import { lastUser } from "@/lib/offline/device-users";
import { listPrepared, type PreparedWorkshop } from "@/lib/offline/rosters";
import { LockedError } from "@/lib/offline/vault";
import { UnlockOffline } from "./offline-pin";
import { OfflineSync } from "./offline-sync";

type State = { userId: string | null; workshops: PreparedWorkshop[]; locked: boolean };

/**
 * The prepared workshops of the user who last used this device, each a way into its check-in.
 * Nothing is listed, nor sent, until that user opens their data with their PIN (or their session).
 */
export function OfflineHome() {
  const t = useTranslations("offline");
  const format = useFormatter();
  const [state, setState] = useState<State | null>(null);
  const load = useCallback(() => {
    void lastUser()
      .then(async (userId): Promise<State> => {
        if (!userId) return { userId, workshops: [], locked: false };
        const workshops = await listPrepared(userId).catch((error: unknown) => {
          if (error instanceof LockedError) return null;
          throw error;
        });
        return { userId, workshops: workshops ?? [], locked: workshops === null };
      })
      .then(setState, () => setState({ userId: null, workshops: [], locked: false }));
  }, []);
  useEffect(load, [load]);
  if (!state) return null;
  if (state.userId && state.locked) return <UnlockOffline userId={state.userId} onUnlocked={load} />;
  const { workshops } = state;
  return (
    <>
      {/* Only someone who prepared a workshop for check-in reaches this page offline. */}
      {state.userId && <OfflineSync userId={state.userId} showsStatus />}
      <section aria-labelledby="prepared-list">
        <h2 id="prepared-list" className="mb-2 text-lg font-semibold">
          {t("preparedList")}
        </h2>
        {workshops.length === 0 ? (
          <p className="text-slate-700">{t("nonePrepared")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {workshops.map((w) => (
              <li key={w.workshopId} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium">{w.title}</p>
                <p className="text-sm text-slate-700">{format.dateTimeRange(calendarDate(w.startDate), calendarDate(w.endDate), { dateStyle: "medium" })}</p>
                {/* A full page load, which the service worker answers from its store. */}
                <a href={`/projects/${w.projectId}/workshops/${w.workshopId}/check-in`} className="mt-1 inline-block font-medium">
                  {t("openCheckIn")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <a href="/projects">{t("tryAgain")}</a>
    </>
  );
}
