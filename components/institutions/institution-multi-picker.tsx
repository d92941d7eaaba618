"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";
import type { listInstitutions } from "@/lib/institutions/use-cases";
import { queryKeys } from "@/lib/query-keys";

type Chosen = { id: string; name: string };

async function searchInstitutions(q: string): Promise<Chosen[]> {
  const answer = await apiFetch<typeof listInstitutions>("GET /institutions", { query: { q, pageSize: "8" } });
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.data.items;
}

type Props = { name: string; label: string; searchLabel: string; removeLabel: (name: string) => string; emptyLabel: string; initial: Chosen[]; error?: string };

/** Several institutions chosen by searching; each choice is sent as a hidden field named `name`. */
export function InstitutionMultiPicker({ name, label, searchLabel, removeLabel, emptyLabel, initial, error }: Props) {
  const t = useTranslations("institutions");
  const id = useId();
  const [chosen, setChosen] = useState<Chosen[]>(initial);
  const [query, setQuery] = useState("");
  const typed = useDeferredValue(query.trim());
  const found = useQuery({
    queryKey: queryKeys.institutions.search(typed),
    queryFn: () => searchInstitutions(typed),
    enabled: typed.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = typed.length >= 2 ? (found.data ?? []).filter((o) => !chosen.some((c) => c.id === o.id)) : [];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      {chosen.length === 0 ? (
        <p className="text-sm text-slate-700">{emptyLabel}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {chosen.map((c) => (
            <li key={c.id} className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 pl-3 text-sm">
              {c.name}
              <input type="hidden" name={name} value={c.id} />
              <Button variant="ghost" className="min-h-8 px-2" aria-label={removeLabel(c.name)} onClick={() => setChosen(chosen.filter((x) => x.id !== c.id))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-search`} className="text-sm text-slate-800">
        {searchLabel}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the first match instead of submitting the whole form.
          if (e.key === "Enter") {
            e.preventDefault();
            if (options[0]) {
              setChosen([...chosen, options[0]]);
              setQuery("");
            }
          }
        }}
        autoComplete="off"
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
      />
      {options.length > 0 && (
        <ul className="flex flex-col gap-1">
          {options.map((o) => (
            <li key={o.id}>
              <Button
                variant="secondary"
                onClick={() => {
                  setChosen([...chosen, o]);
                  setQuery("");
                }}
              >
                + {o.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {typed.length >= 2 && found.isSuccess && options.length === 0 && <p className="text-sm text-slate-700">{t("pickerNone")}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
