"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useDeferredValue, type ReactNode } from "react";
import { apiFetch, type ApiAnswer } from "@/lib/http/api-fetch";
import type { findDuplicates } from "@/lib/participants/duplicates";
import { queryKeys } from "@/lib/query-keys";

export type DuplicateCandidate = ApiAnswer<typeof findDuplicates>[number];

async function fetchCandidates(fields: Record<string, string>): Promise<DuplicateCandidate[]> {
  const answer = await apiFetch<typeof findDuplicates>("GET /participants/duplicates", { query: fields });
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.data;
}

type Props = {
  fields: Record<string, string>;
  /** What the user may do with a candidate instead of creating a new person (e.g. check them in). */
  candidateAction?: (candidate: DuplicateCandidate) => ReactNode;
};

/** Shows, while the form is being filled, the people already on file who may be the same person. */
export function DuplicateWarning({ fields, candidateAction }: Props) {
  const t = useTranslations("participants");
  const format = useFormatter();
  const deferred = useDeferredValue(fields);
  const hasEnough = `${deferred.givenNames ?? ""}${deferred.familyNames ?? ""}`.trim().length >= 4 || Boolean(deferred.email) || Boolean(deferred.phone);
  const candidates = useQuery({
    queryKey: queryKeys.participants.duplicates(deferred),
    queryFn: () => fetchCandidates(deferred),
    enabled: hasEnough,
    placeholderData: keepPreviousData,
  });
  const found = hasEnough ? (candidates.data ?? []) : [];
  if (found.length === 0) return null;
  return (
    <section role="status" aria-live="polite" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
      <h2 className="mb-1 font-semibold">{t("possibleDuplicates")}</h2>
      <p className="mb-2">{t("possibleDuplicatesHelp")}</p>
      <ul className="flex flex-col gap-1">
        {found.map((c) => (
          <li key={c.id}>
            <Link href={`/participants/${c.id}`} target="_blank">
              {c.givenNames} {c.familyNames}
            </Link>{" "}
            <span className="text-slate-700">
              {t("matchScore", { score: format.number(c.score, { style: "percent" }) })} · {c.reasons.map((r) => t(`reasons.${r}`)).join(", ")}
            </span>
            {candidateAction?.(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}
