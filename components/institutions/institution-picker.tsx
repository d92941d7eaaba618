"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { listInstitutions } from "@/lib/institutions/use-cases";
import { queryKeys } from "@/lib/query-keys";
import { toSearchText } from "@/lib/search-text";

type Found = { id: string; name: string; acronym: string };

async function searchInstitutions(q: string): Promise<Found[]> {
  const answer = await apiFetch<typeof listInstitutions>("GET /institutions", { query: { q, pageSize: "8" } });
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.data.items;
}

function searchAmong(choices: Found[], q: string): Found[] {
  const words = toSearchText(q).split(" ");
  return choices.filter((c) => words.every((w) => toSearchText(c.name, c.acronym).includes(w))).slice(0, 8);
}

type Props = {
  /** The form field that receives the chosen id. */
  name: string;
  label: string;
  initial?: { id: string; name: string } | null;
  excludeId?: string;
  error?: string;
  allowNone?: boolean;
  /** Search these instead of the server (the list stored on the device for offline check-in). */
  choices?: Found[];
};

/** Search-as-you-type among institutions; the choice is a radio group, so keyboards work natively. */
export function InstitutionPicker({ name, label, initial, excludeId, error, allowNone, choices }: Props) {
  const t = useTranslations("institutions");
  const id = useId();
  const [query, setQuery] = useState("");
  const input = useRef<HTMLInputElement>(null);
  // On a slow phone people type before the page is interactive: pick up what is already there.
  useEffect(() => setQuery(input.current?.value ?? ""), []);
  const deferred = useDeferredValue(query.trim());
  const [chosen, setChosen] = useState(initial?.id ?? "");
  const found = useQuery({
    queryKey: queryKeys.institutions.search(deferred),
    queryFn: () => searchInstitutions(deferred),
    enabled: !choices && deferred.length >= 2,
    placeholderData: keepPreviousData,
  });
  const searched = deferred.length < 2 ? [] : choices ? searchAmong(choices, deferred) : (found.data ?? []);
  const options = [...(initial && initial.id !== excludeId ? [initial] : []), ...searched].filter((o, i, all) => o.id !== excludeId && all.findIndex((x) => x.id === o.id) === i);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <label htmlFor={`${id}-search`} className="sr-only">
        {t("pickerSearch")}
      </label>
      <input
        id={`${id}-search`}
        ref={input}
        type="search"
        defaultValue=""
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("pickerSearch")}
        autoComplete="off"
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
      />
      {allowNone && (
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} value="" checked={chosen === ""} onChange={() => setChosen("")} className="size-4 accent-teal-800" />
          {t("noParent")}
        </label>
      )}
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} value={o.id} checked={chosen === o.id} onChange={() => setChosen(o.id)} className="size-4 accent-teal-800" />
          {o.name} {"acronym" in o && o.acronym ? `(${o.acronym})` : ""}
        </label>
      ))}
      {deferred.length >= 2 && (choices || found.isSuccess) && options.length === 0 && <p className="text-sm text-slate-700">{t("pickerNone")}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
