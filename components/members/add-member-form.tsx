"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useActionState, useDeferredValue, useEffect, useRef, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { projectRoles } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";
import { apiFetch } from "@/lib/http/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { listUsers } from "@/lib/users/use-cases";

type Person = { id: string; name: string; email: string };

async function searchPeople(q: string): Promise<Person[]> {
  const answer = await apiFetch<typeof listUsers>("GET /users", { query: { q, status: "active", pageSize: "8" } });
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.data.items;
}

/** Search-as-you-type among active accounts, then grant the chosen person a role in the project. */
export function AddMemberForm({ action, projectId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; projectId: string }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const [state, formAction] = useActionState(action, idleForm);
  const [query, setQuery] = useState("");
  const search = useRef<HTMLInputElement>(null);
  // Text typed before the page became interactive is already in the field: start from it.
  useEffect(() => setQuery(search.current?.value ?? ""), []);
  const deferredQuery = useDeferredValue(query.trim());
  const [chosen, setChosen] = useState<string>("");
  const people = useQuery({
    queryKey: queryKeys.users.search(deferredQuery),
    queryFn: () => searchPeople(deferredQuery),
    enabled: deferredQuery.length >= 2,
    placeholderData: keepPreviousData,
  });
  const results = deferredQuery.length >= 2 ? (people.data ?? []) : [];
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <TextField
        name="personSearch"
        type="search"
        label={t("findPerson")}
        hint={t("findPersonHint")}
        ref={search}
        defaultValue=""
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      {results.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">{t("choosePerson")}</legend>
          {results.map((person) => (
            <label key={person.id} className="flex items-center gap-2 text-sm">
              <input type="radio" name="userId" value={person.id} checked={chosen === person.id} onChange={() => setChosen(person.id)} className="size-4 accent-teal-800" />
              {person.name} <span className="text-slate-600">{person.email}</span>
            </label>
          ))}
        </fieldset>
      )}
      {deferredQuery.length >= 2 && people.isSuccess && results.length === 0 && <p className="text-sm text-slate-700">{t("noPerson")}</p>}
      {state.fieldErrors?.userId && <p className="text-sm text-red-800">{state.fieldErrors.userId}</p>}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <SelectField name="role" label={t("role")} options={projectRoles.map((r) => ({ value: r, label: tRoles(r) }))} />
        <SubmitButton disabled={!chosen}>{t("grant")}</SubmitButton>
      </div>
    </form>
  );
}
