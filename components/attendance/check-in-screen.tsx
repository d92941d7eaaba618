"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { CheckInCandidate, DayCounts, PresentPerson } from "@/lib/attendance/roster";
import type { CheckInResult } from "@/lib/attendance/check-in";
import { queryKeys } from "@/lib/query-keys";
import { NewParticipantForm } from "./new-participant-form";

type Props = {
  projectId: string;
  workshopId: string;
  projectCountry: string;
  days: { value: string; label: string }[];
  initialDay: string;
};

type Day = { present: PresentPerson[]; counts: DayCounts };
type Person = { id: string; givenNames: string; familyNames: string; sex: string; institutionName: string | null };

const fullName = (p: { givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`.trim();

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

/**
 * The phone screen for logging who is present on one day of a workshop: search, one tap to mark
 * present (shown at once, confirmed by the server), undo, and the day's counters.
 */
export function CheckInScreen({ projectId, workshopId, projectCountry, days, initialDay }: Props) {
  const t = useTranslations("checkIn");
  const queryClient = useQueryClient();
  const base = `/api/v1/projects/${projectId}/workshops/${workshopId}`;
  const [day, setDay] = useState(initialDay);
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState("");
  const search = useRef<HTMLInputElement>(null);
  // On a slow phone people type before the page is interactive: pick up what is already there.
  useEffect(() => setQuery(search.current?.value ?? ""), []);
  const typed = useDeferredValue(query.trim());

  const dayKey = queryKeys.attendance.day(workshopId, day);
  const searchKey = queryKeys.attendance.search(workshopId, day, typed);
  const dayQuery = useQuery({ queryKey: dayKey, queryFn: () => getJson<Day>(`${base}/attendance?day=${day}`) });
  const candidates = useQuery({
    queryKey: searchKey,
    queryFn: () => getJson<CheckInCandidate[]>(`${base}/check-in-search?${new URLSearchParams({ day, q: typed })}`),
    placeholderData: keepPreviousData,
  });

  const chooseDay = (next: string) => {
    setDay(next);
    const url = new URL(window.location.href);
    url.searchParams.set("day", next);
    window.history.replaceState(null, "", url);
  };

  // The server picks "today" by its own clock (UTC); the phone knows the date where the workshop is.
  useEffect(() => {
    if (new URL(window.location.href).searchParams.has("day")) return;
    const local = new Date().toLocaleDateString("en-CA");
    if (local !== initialDay && days.some((d) => d.value === local)) chooseDay(local);
    // Once, on the first render: later choices are the user's.
  }, []);

  const send = useMutation({
    mutationFn: async ({ person, action }: { person: Person; action: "check_in" | "undo" }) => {
      const response = await fetch(`${base}/check-ins`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ items: [{ id: crypto.randomUUID(), participantId: person.id, day, action }] }),
      });
      if (!response.ok) throw new Error(String(response.status));
      return ((await response.json()) as CheckInResult[])[0]!;
    },
    onMutate: async ({ person, action }) => {
      // Shown at once; the server's answer then confirms or corrects it.
      await queryClient.cancelQueries({ queryKey: queryKeys.attendance.workshop(workshopId) });
      const present = action === "check_in";
      queryClient.setQueriesData<CheckInCandidate[]>({ queryKey: queryKeys.attendance.workshop(workshopId) }, (list) =>
        Array.isArray(list) ? list.map((c) => (c.id === person.id ? { ...c, present } : c)) : list,
      );
      queryClient.setQueryData<Day>(dayKey, (current) => {
        if (!current) return current;
        const others = current.present.filter((p) => p.participantId !== person.id);
        const entry = { participantId: person.id, givenNames: person.givenNames, familyNames: person.familyNames, sex: person.sex as PresentPerson["sex"], institutionName: person.institutionName, recordedAt: new Date() };
        const list = present ? [entry, ...others] : others;
        return { present: list, counts: { ...current.counts, present: list.length } };
      });
    },
    onSuccess: (result, { person }) => {
      const name = fullName(person);
      if (result.outcome === "refused") setMessage(t(`refused.${result.reason!}`));
      else if (result.outcome === "already_present") setMessage(t("alreadyPresent", { name }));
      else if (result.outcome === "undone" || result.outcome === "not_present") setMessage(t("undone", { name }));
      else setMessage(t("checkedIn", { name }));
    },
    onError: () => setMessage(t("failed")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.attendance.workshop(workshopId) }),
  });

  const checkIn = (person: Person) => {
    send.mutate({ person, action: "check_in" });
    setQuery("");
    if (search.current) search.current.value = "";
    search.current?.focus();
  };
  const undo = (person: Person) => send.mutate({ person, action: "undo" });

  const counts = dayQuery.data?.counts;
  const counters = counts
    ? [
        [t("present"), counts.present],
        [t("women"), counts.women],
        [t("men"), counts.men],
        [t("state"), counts.state],
        [t("civilSociety"), counts.civilSociety],
      ]
    : [];
  const list = candidates.data ?? [];

  return (
    <div className="flex flex-col gap-4">
      <SelectField name="day" label={t("day")} value={day} onChange={(e) => chooseDay(e.target.value)} options={days} className="max-w-md" />

      <section aria-label={t("counters")} className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {counters.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white p-2 text-center">
            <span className="block text-2xl font-semibold" data-testid={`counter-${label}`}>
              {value}
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
        {list.map((c) => (
          <li key={c.id} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white p-2">
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
              {!c.present && <span className="shrink-0 rounded-md bg-teal-800 px-3 py-2 text-sm font-medium text-white">{t("tapToMark")}</span>}
            </button>
            {c.present && (
              <>
                <span className="rounded bg-teal-100 px-2 py-1 text-sm text-teal-900">{t("isPresent")}</span>
                <Button variant="ghost" onClick={() => undo(c)} aria-label={t("undoFor", { name: fullName(c) })}>
                  {t("undo")}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {typed && candidates.isSuccess && list.length === 0 && <p className="text-sm text-slate-700">{t("noMatch")}</p>}

      {adding ? (
        <NewParticipantForm
          projectId={projectId}
          projectCountry={projectCountry}
          day={day}
          initialName={typed}
          onCancel={() => setAdding(false)}
          onCreated={(person) => {
            setAdding(false);
            checkIn(person);
          }}
          onChooseExisting={(person) => {
            setAdding(false);
            checkIn(person);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t("addNew")}
        </Button>
      )}

      <section aria-labelledby="present-today">
        <h2 id="present-today" className="mb-2 text-lg font-semibold">
          {t("presentToday")}
        </h2>
        {dayQuery.data && dayQuery.data.present.length === 0 ? (
          <p className="text-sm text-slate-700">{t("nobodyYet")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {(dayQuery.data?.present ?? []).map((p) => (
              <li key={p.participantId} className="flex items-center justify-between gap-2 border-b border-slate-200 py-1">
                <span>
                  {fullName(p)}
                  {p.institutionName && <span className="block text-sm text-slate-700">{p.institutionName}</span>}
                </span>
                <Button
                  variant="ghost"
                  onClick={() => undo({ id: p.participantId, givenNames: p.givenNames, familyNames: p.familyNames, sex: p.sex, institutionName: p.institutionName })}
                  aria-label={t("undoFor", { name: fullName(p) })}
                >
                  {t("undo")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
