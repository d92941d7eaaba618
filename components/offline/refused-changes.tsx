"use client";

import { useFormatter, useMessages, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";
import { calendarDate } from "@/lib/i18n/dates";
import { hasMessage } from "@/lib/i18n/keys";
import { discard, resend, type OutboxEntry } from "@/lib/offline/outbox";
import { syncNow } from "@/lib/offline/sync-engine";
import { outboxChanged } from "@/lib/offline/sync-status";

type Props = { userId: string; entries: OutboxEntry[] };

const knownReasons = ["dayOutsideWorkshop", "workshopCancelled", "unknownParticipant", "invalid", "forbidden", "not_found", "otherUser"] as const;
const isKnownReason = (reason: string): reason is (typeof knownReasons)[number] => (knownReasons as readonly string[]).includes(reason);

/** The changes the server refused, each with its reason and a way to fix, send again or discard it. */
export function RefusedChanges({ userId, entries }: Props) {
  const t = useTranslations("offline");
  const refused = entries.filter((e) => e.refusal);
  const after = async (action: Promise<void>) => {
    await action;
    await outboxChanged();
    await syncNow();
  };
  return (
    <div className="mx-auto max-w-6xl px-4 pb-3">
      <h2 className="text-base font-semibold">{t("refusedTitle")}</h2>
      <p className="mb-2 text-slate-700">{t("refusedHelp")}</p>
      <ul className="flex flex-col gap-2" aria-label={t("refusedTitle")}>
        {refused.map((entry) => (
          <RefusedChange
            key={entry.seq}
            entry={entry}
            onResend={(fix) => {
              // A fixed person goes with the check-ins that were refused because they were missing.
              const dependents = entry.kind === "participant" ? refused.filter((e) => e.kind !== "participant" && e.participantId === entry.id) : [];
              return after(resend(userId, [entry, ...dependents], fix ? { [entry.id]: fix } : {}));
            }}
            onDiscard={() => after(discard([entry.seq]))}
          />
        ))}
      </ul>
    </div>
  );
}

// A contact detail the server refused is offered for correction; one it accepted is sent as it was.
const contactFields = ["email", "phone"] as const;

type ChangeProps = { entry: OutboxEntry; onResend: (fix?: Record<string, unknown>) => Promise<void>; onDiscard: () => Promise<void> };

function RefusedChange({ entry, onResend, onDiscard }: ChangeProps) {
  const t = useTranslations("offline");
  const tv = useTranslations("validation");
  const tp = useTranslations("participants");
  const participantMessages = useMessages().participants;
  const format = useFormatter();
  const [fixing, setFixing] = useState(false);
  const refusal = entry.refusal!;
  const name = `${entry.person.givenNames} ${entry.person.familyNames}`.trim();
  const label =
    entry.kind === "participant"
      ? t("changes.participant", { name })
      : t(`changes.${entry.kind}`, { name, day: format.dateTime(calendarDate(entry.day), { dateStyle: "medium" }) });
  const fieldErrors = Object.entries(refusal.fieldErrors ?? {});

  const saveFix = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (entry.kind !== "participant") return;
    const data = new FormData(event.currentTarget);
    const fixed: Record<string, unknown> = { ...entry.participant, givenNames: data.get("givenNames"), familyNames: data.get("familyNames"), position: data.get("position") };
    if (refusal.fieldErrors?.institutionId) fixed.institutionId = null;
    for (const field of contactFields) if (refusal.fieldErrors?.[field]) fixed[field] = data.get(field);
    void onResend(fixed);
  };

  return (
    <li className="rounded-md border border-red-200 bg-white p-2">
      <p className="font-medium">{label}</p>
      <p className="text-red-800">{isKnownReason(refusal.reason) ? t(`refused.${refusal.reason}`) : t("refused.other")}</p>
      {fieldErrors.length > 0 && (
        <ul className="list-disc pl-5 text-red-800">
          {fieldErrors.map(([field, error]) => (
            <li key={field}>
              {field === "_form" ? "" : `${hasMessage(participantMessages, field) ? tp(field) : field}: `}
              {tv(error.key, error.values)}
            </li>
          ))}
        </ul>
      )}
      {fixing && entry.kind === "participant" ? (
        <form onSubmit={saveFix} className="mt-2 grid gap-2 sm:grid-cols-3" noValidate>
          <TextField
            name="givenNames"
            label={tp("givenNames")}
            defaultValue={String(entry.participant.givenNames ?? "")}
            error={refusal.fieldErrors?.givenNames ? tv(refusal.fieldErrors.givenNames.key) : undefined}
          />
          <TextField
            name="familyNames"
            label={tp("familyNames")}
            defaultValue={String(entry.participant.familyNames ?? "")}
            error={refusal.fieldErrors?.familyNames ? tv(refusal.fieldErrors.familyNames.key) : undefined}
          />
          <TextField
            name="position"
            label={tp("position")}
            defaultValue={String(entry.participant.position ?? "")}
            error={refusal.fieldErrors?.position ? tv(refusal.fieldErrors.position.key) : undefined}
          />
          {contactFields
            .filter((field) => refusal.fieldErrors?.[field])
            .map((field) => (
              <TextField
                key={field}
                name={field}
                type={field === "email" ? "email" : "tel"}
                label={tp(field)}
                defaultValue={String(entry.participant[field] ?? "")}
                error={tv(refusal.fieldErrors![field]!.key)}
              />
            ))}
          {refusal.fieldErrors?.institutionId && <p className="text-slate-800 sm:col-span-3">{t("institutionDropped")}</p>}
          <div className="flex gap-2 sm:col-span-3">
            <Button type="submit">{t("saveAndSend")}</Button>
            <Button variant="ghost" onClick={() => setFixing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <form
          className="mt-2 flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void onDiscard();
          }}
        >
          {entry.kind === "participant" ? (
            <Button variant="secondary" onClick={() => setFixing(true)}>
              {t("fix")}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => void onResend()}>
              {t("sendAgain")}
            </Button>
          )}
          <ConfirmSubmit label={t("discard")} question={t("discardQuestion")} confirmLabel={t("discard")} cancelLabel={t("cancel")} />
        </form>
      )}
    </li>
  );
}
