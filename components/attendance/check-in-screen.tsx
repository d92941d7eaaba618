"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { UnlockOffline } from "@/components/offline/offline-pin";
import { PrepareOffline } from "@/components/offline/prepare-offline";
import { useSyncStatus } from "@/components/offline/use-sync-status";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { CheckInCandidate } from "@/lib/attendance/roster";
import type { searchCheckIn } from "@/lib/attendance/use-cases";
import { apiFetch } from "@/lib/http/api-fetch";
import type { AttendanceStatus } from "@/db/schema/values";
import { dayView, findCandidates, markOf, type DayMark } from "@/lib/offline/check-in-view";
import { loadRoster, NotPreparedError, SessionEndedError } from "@/lib/offline/load-roster";
import { enqueue, type OutboxChange, type PersonSummary } from "@/lib/offline/outbox";
import { syncNow } from "@/lib/offline/sync-engine";
import { fetchInSession } from "@/lib/offline/session-end";
import { outboxChanged } from "@/lib/offline/sync-status";
import { afterLoadWhenIdle } from "@/lib/offline/idle";
import { dataKey, LockedError } from "@/lib/offline/vault";
import { queryKeys } from "@/lib/query-keys";
import { DayMarkPanel } from "./day-mark-panel";
import { NewParticipantForm, type NewParticipant } from "./new-participant-form";
import { useRowsInView } from "./use-rows-in-view";
import { useSettledOverlay } from "./use-settled-overlay";

type Props = {
  userId: string;
  projectId: string;
  workshopId: string;
  projectCountry: string;
  days: { value: string; label: string }[];
  initialDay: string;
};

type Person = PersonSummary & { id: string };

/** The phone's own date, YYYY-MM-DD, put together by hand: toLocaleDateString would load the locale data while the screen starts. */
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const fullName = (p: { givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`.trim();
const summary = ({ givenNames, familyNames, sex, institutionName, sector }: PersonSummary): PersonSummary => ({ givenNames, familyNames, sex, institutionName, sector });

async function searchDirectory(params: { projectId: string; workshopId: string }, query: { day: string; q: string }): Promise<CheckInCandidate[]> {
  const answer = await apiFetch<typeof searchCheckIn>("GET /projects/{projectId}/workshops/{workshopId}/check-in-search", { params, query, send: fetchInSession });
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.data;
}

/**
 * The phone screen for logging who is present on one day of a workshop: search, one tap to mark
 * present (late, left early and excused one step further), undo, and the day's counters. It works the same with or without a connection: every
 * change goes into the device's outbox and shows at once; the outbox reaches the server when it can.
 */
export function CheckInScreen({ userId, projectId, workshopId, projectCountry, days, initialDay }: Props) {
  const t = useTranslations("checkIn");
  const to = useTranslations("offline");
  const te = useTranslations("errors");
  const queryClient = useQueryClient();
  const status = useSyncStatus();
  const [day, setDay] = useState(initialDay);
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);
  // The one row whose other statuses are open, as "where:person" (a person can be in both lists).
  const [opened, setOpened] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  // A change could not be sealed: the device's key is not open (offline, or the session changed).
  const [needsUnlock, setNeedsUnlock] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  // On a slow phone people type before the page is interactive: pick up what is already there.
  useEffect(() => setQuery(search.current?.value ?? ""), []);
  const typed = useDeferredValue(query.trim());

  const rosterKey = queryKeys.attendance.roster(workshopId);
  // "always": offline, the roster comes from the device instead of waiting for the network.
  const loaded = useQuery({ queryKey: rosterKey, queryFn: () => loadRoster(userId, projectId, workshopId), networkMode: "always", retry: false });
  // Opened now while the server can vouch for the session, so check-ins still seal if the
  // connection drops later. No key is derived here: the PIN is asked for only when needed.
  // Once the page is up, though: unsealing is not needed to show the screen.
  useEffect(() => afterLoadWhenIdle(() => void dataKey(userId).catch(() => undefined)), [userId]);
  const unlocked = () => {
    setNeedsUnlock(false);
    void loaded.refetch();
    void outboxChanged().then(syncNow);
  };
  // After a sync the server's list includes this device's changes and other devices' too; fetched
  // once the batches of a sync have all gone, not after each (the roster carries the directory).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query client and the key stay the same for the workshop; only a finished sync refetches.
  useEffect(() => {
    if (!status.lastSyncAt || status.syncing) return;
    const refresh = setTimeout(() => void queryClient.invalidateQueries({ queryKey: rosterKey }), 500);
    return () => clearTimeout(refresh);
  }, [status.lastSyncAt, status.syncing]);
  const entries = useSettledOverlay(status.entries, loaded.dataUpdatedAt);

  const online = status.online && !loaded.data?.fromDevice;
  const directory = useQuery({
    queryKey: queryKeys.attendance.search(workshopId, typed),
    queryFn: () => searchDirectory({ projectId, workshopId }, { day, q: typed }),
    enabled: online && typed.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });

  // The roster arrives in one synchronous update; drawing its list from a deferred copy lets React
  // draw it in slices that yield to the phone's input instead of one long task.
  const roster = useDeferredValue(loaded.data?.roster);
  const view = useMemo(() => (roster ? dayView(roster, entries, day) : null), [roster, entries, day]);
  const list = useMemo(() => {
    if (!view) return [];
    const local = findCandidates(view, typed, typed ? 20 : 60);
    // Online, the whole directory is searched too; people the device already knows come first.
    const known = new Set(local.map((c) => c.id));
    const presentIds = new Set(view.present.map((p) => p.id));
    const further =
      typed && directory.data ? directory.data.filter((c) => !known.has(c.id)).map((c) => ({ ...c, invited: false, present: presentIds.has(c.id), mark: markOf(view, c.id) })) : [];
    return [...local, ...further];
  }, [view, typed, directory.data]);
  const candidateRows = useRowsInView<HTMLDivElement>(list.length);
  const presentRows = useRowsInView<HTMLDivElement>(view?.present.length ?? 0);

  const chooseDay = (next: string) => {
    setDay(next);
    const url = new URL(window.location.href);
    url.searchParams.set("day", next);
    window.history.replaceState(null, "", url);
  };

  // The server picks "today" by its own clock (UTC); the phone knows the date where the workshop is.
  // Offline, the page is a stored copy rendered for another day: the address says which one is meant.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on the first render; later choices are the user's.
  useEffect(() => {
    const asked = new URL(window.location.href).searchParams.get("day");
    const wanted = asked ?? localDate(new Date());
    if (wanted !== initialDay && days.some((d) => d.value === wanted)) chooseDay(wanted);
  }, []);

  const record = async (changes: OutboxChange[], done: string) => {
    try {
      await enqueue(userId, { projectId, workshopId }, changes);
    } catch (error) {
      if (!(error instanceof LockedError)) throw error;
      setMessage("");
      return setNeedsUnlock(true);
    }
    setMessage(done);
    await outboxChanged();
    void syncNow();
  };
  const checkIn = (person: Person) => {
    void record([{ id: crypto.randomUUID(), kind: "check_in", participantId: person.id, day, person: summary(person) }], t("checkedIn", { name: fullName(person) }));
    setQuery("");
    if (search.current) search.current.value = "";
    search.current?.focus();
  };
  const undo = (person: Person) =>
    void record([{ id: crypto.randomUUID(), kind: "undo", participantId: person.id, day, person: summary(person) }], t("undone", { name: fullName(person) }));
  const mark = (person: Person, status: AttendanceStatus) => {
    setOpened(null);
    void record(
      [{ id: crypto.randomUUID(), kind: "check_in", participantId: person.id, day, status, person: summary(person) }],
      t("marked", { name: fullName(person), status: t(`statuses.${status}`) }),
    );
  };
  const excuse = (person: Person, reason: string) => {
    setOpened(null);
    void record([{ id: crypto.randomUUID(), kind: "excuse", participantId: person.id, day, reason, person: summary(person) }], t("excused", { name: fullName(person) }));
  };
  const otherStatuses = (where: string, person: Person, current: DayMark) =>
    opened === `${where}:${person.id}` && (
      <DayMarkPanel
        name={fullName(person)}
        mark={current}
        onMark={(status) => mark(person, status)}
        onExcuse={(reason) => excuse(person, reason)}
        onClose={() => setOpened(null)}
      />
    );
  const moreButton = (where: string, person: Person) => (
    <Button
      variant="ghost"
      aria-expanded={opened === `${where}:${person.id}`}
      onClick={() => setOpened(opened === `${where}:${person.id}` ? null : `${where}:${person.id}`)}
      aria-label={t("moreFor", { name: fullName(person) })}
    >
      {t("more")}
    </Button>
  );
  const addNew = ({ id, participant, person }: NewParticipant) => {
    setAdding(false);
    void record(
      [
        { id, kind: "participant", participant, person },
        { id: crypto.randomUUID(), kind: "check_in", participantId: id, day, person },
      ],
      t("checkedIn", { name: fullName(person) }),
    );
  };

  if (loaded.isError) {
    if (loaded.error instanceof LockedError) return <UnlockOffline userId={userId} onUnlocked={unlocked} />;
    return (
      <p role="alert" className="text-red-800">
        {loaded.error instanceof NotPreparedError ? to("notPrepared") : loaded.error instanceof SessionEndedError ? to("signedOut") : te("not_found")}
      </p>
    );
  }
  const counts = view?.counts;
  // Drawn at their final size before the roster arrives (a dash for each figure), so nothing moves then.
  const counters = [
    [t("present"), counts?.present],
    [t("women"), counts?.women],
    [t("men"), counts?.men],
    [t("otherSex"), counts?.otherSex],
    [t("state"), counts?.state],
    [t("civilSociety"), counts?.civilSociety],
    [t("otherSector"), counts?.otherSector],
    [t("noInstitution"), counts?.noInstitution],
  ];

  return (
    <div className="flex flex-col gap-4">
      {(needsUnlock || status.locked) && <UnlockOffline userId={userId} onUnlocked={unlocked} />}
      {/* Its button's height is kept while the roster loads, so what follows does not move when it comes. */}
      {loaded.data ? <PrepareOffline userId={userId} loaded={loaded.data} online={status.online} /> : <div className="min-h-10" />}
      {loaded.data?.fromDevice && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-950">{to("workingOffline")}</p>}
      <SelectField name="day" label={t("day")} value={day} onChange={(e) => chooseDay(e.target.value)} options={days} className="max-w-md" />

      {/* Four columns: present and the sexes on one row, the sectors on the next, so each row adds up to present. */}
      <section aria-label={t("counters")} className="grid grid-cols-4 gap-2">
        {counters.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white p-2 text-center">
            <span className="block text-2xl font-semibold" data-testid={`counter-${label}`}>
              {value ?? "–"}
            </span>
            <span className="text-xs text-slate-700">{label}</span>
          </div>
        ))}
      </section>

      <p role="status" aria-live="polite" className="min-h-6 text-sm text-slate-800">
        {message}
      </p>

      <div className="flex flex-col gap-1">
        <label htmlFor="check-in-search" className="text-sm font-medium text-slate-800">
          {t("search")}
        </label>
        <input
          id="check-in-search"
          ref={search}
          type="search"
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="check-in-search-hint"
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-3 text-lg"
        />
        <p id="check-in-search-hint" className="text-xs text-slate-600">
          {typed ? t("searchHint") : t("typeToSearch")}
        </p>
      </div>

      <ul className="flex flex-col gap-2" aria-label={t("results")}>
        {list.slice(0, candidateRows.shown).map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 bg-white p-2">
            <div className="flex items-center gap-2">
              <button
                type="button"
                onClick={() => checkIn(c)}
                disabled={c.present}
                className="flex min-h-12 flex-1 items-center justify-between gap-2 text-left disabled:opacity-70"
              >
                <span className="flex flex-col">
                  <span className="font-medium">{fullName(c)}</span>
                  <span className="text-sm text-slate-700">{[c.institutionName, t(`groups.${c.group}`)].filter(Boolean).join(" · ")}</span>
                </span>
                {c.mark ? <MarkBadge mark={c.mark} /> : <span className="shrink-0 rounded-md bg-teal-800 px-3 py-2 text-sm font-medium text-white">{t("tapToMark")}</span>}
              </button>
              {moreButton("found", c)}
            </div>
            {c.mark && (
              <div className="flex justify-end">
                <Button variant="ghost" onClick={() => undo(c)} aria-label={t(c.mark === "excused" ? "undoExcuseFor" : "undoFor", { name: fullName(c) })}>
                  {t("undo")}
                </Button>
              </div>
            )}
            {otherStatuses("found", c, c.mark)}
          </li>
        ))}
      </ul>
      <div ref={candidateRows.end} />
      {typed && view && list.length === 0 && <p className="text-sm text-slate-700">{t("noMatch")}</p>}

      {adding && loaded.data ? (
        <NewParticipantForm
          projectCountry={projectCountry}
          day={day}
          initialName={typed}
          institutions={loaded.data.roster.institutions}
          online={online}
          onCancel={() => setAdding(false)}
          onCreated={addNew}
          onChooseExisting={(person) => {
            setAdding(false);
            checkIn(person);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)} disabled={!loaded.data}>
          {t("addNew")}
        </Button>
      )}

      <section aria-labelledby="present-today">
        <h2 id="present-today" className="mb-2 text-lg font-semibold">
          {t("presentToday")}
        </h2>
        {view && view.present.length === 0 ? (
          <p className="text-sm text-slate-700">{t("nobodyYet")}</p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="present-list">
            {(view?.present ?? []).slice(0, presentRows.shown).map((p) => (
              <li key={p.id} className="border-b border-slate-200 py-1">
                <div className="flex items-center justify-between gap-2">
                  <span className="flex-1">
                    {fullName(p)}
                    {p.institutionName && <span className="block text-sm text-slate-700">{p.institutionName}</span>}
                  </span>
                  {p.status !== "present" && <MarkBadge mark={p.status} />}
                  {moreButton("present", p)}
                  <Button variant="ghost" onClick={() => undo(p)} aria-label={t("undoFor", { name: fullName(p) })}>
                    {t("undo")}
                  </Button>
                </div>
                {otherStatuses("present", p, p.status)}
              </li>
            ))}
          </ul>
        )}
        <div ref={presentRows.end} />
      </section>

      {view && view.excused.length > 0 && (
        <section aria-labelledby="excused-today">
          <h2 id="excused-today" className="mb-2 text-lg font-semibold">
            {t("excusedToday")}
          </h2>
          <ul className="flex flex-col gap-1" data-testid="excused-list">
            {view.excused.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 border-b border-slate-200 py-1">
                <span>
                  {fullName(p)}
                  <span className="block text-sm text-slate-700">{p.reason}</span>
                </span>
                <Button variant="ghost" onClick={() => undo(p)} aria-label={t("undoExcuseFor", { name: fullName(p) })}>
                  {t("undo")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const badgeColours = {
  present: "bg-teal-100 text-teal-900",
  late: "bg-amber-100 text-amber-950",
  left_early: "bg-amber-100 text-amber-950",
  excused: "bg-slate-200 text-slate-900",
};

function MarkBadge({ mark }: { mark: Exclude<DayMark, null> }) {
  const t = useTranslations("checkIn");
  return <span className={`shrink-0 rounded px-2 py-1 text-sm ${badgeColours[mark]}`}>{t(`statuses.${mark}`)}</span>;
}
