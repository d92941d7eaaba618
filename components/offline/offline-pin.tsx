"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { hasPin, isValidPin, maxPinTries, unlockWithPin } from "@/lib/offline/vault";

// A PIN is typed on a phone's number pad and never offered by the browser's autofill.
const pinInput = { type: "password", inputMode: "numeric", pattern: "[0-9]*", autoComplete: "off", maxLength: 12 } as const;

type UnlockProps = { userId: string; onUnlocked: () => void };

/**
 * Asks for the offline PIN that opens the user's data on this device. The user is told beforehand
 * that too many wrong tries erase it, unsent changes included.
 */
export function UnlockOffline({ userId, onUnlocked }: UnlockProps) {
  const t = useTranslations("offline");
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null; erased: boolean }>({ busy: false, error: null, erased: false });
  useEffect(() => {
    void hasPin(userId).then(setPinSet, () => setPinSet(false));
  }, [userId]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const pin = String(new FormData(event.currentTarget).get("pin") ?? "");
    // A PIN that cannot be right is not counted as a try.
    if (!isValidPin(pin)) return setState({ busy: false, error: t("pinInvalid"), erased: false });
    setState({ busy: true, error: null, erased: false });
    const result = await unlockWithPin(userId, pin);
    if (result.ok) return onUnlocked();
    if (result.triesLeft === 0) return setState({ busy: false, error: null, erased: true });
    setState({ busy: false, error: t("wrongPin", { count: result.triesLeft }), erased: false });
  };

  if (pinSet === null) return null;
  if (state.erased) {
    return (
      <p role="alert" className="text-red-800">
        {t("pinErased")}
      </p>
    );
  }
  if (!pinSet) return <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-950">{t("lockedWithoutPin")}</p>;
  return (
    <section aria-labelledby="unlock-offline" className="rounded-md border border-slate-300 bg-white p-3">
      <h2 id="unlock-offline" className="text-lg font-semibold">
        {t("unlockTitle")}
      </h2>
      <p className="mb-2 text-sm text-slate-800">{t("unlockHelp", { count: maxPinTries })}</p>
      <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField name="pin" id="unlock-pin" label={t("pin")} error={state.error ?? undefined} className="max-w-48" {...pinInput} />
        <Button type="submit" disabled={state.busy}>
          {state.busy ? t("unlocking") : t("unlock")}
        </Button>
      </form>
    </section>
  );
}

type ChooseProps = { onChosen: (pin: string) => Promise<void>; onCancel: () => void };

/** The PIN chosen when a workshop is first prepared: it alone opens the data without a connection. */
export function ChoosePin({ onChosen, onCancel }: ChooseProps) {
  const t = useTranslations("offline");
  const [errors, setErrors] = useState<{ pin?: string; confirmPin?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const pin = String(data.get("pin") ?? "");
    if (!isValidPin(pin)) return setErrors({ pin: t("pinInvalid") });
    if (data.get("confirmPin") !== pin) return setErrors({ confirmPin: t("pinsDiffer") });
    setErrors({});
    setBusy(true);
    await onChosen(pin);
    setBusy(false);
  };
  return (
    <section aria-labelledby="choose-pin" className="w-full rounded-md border border-slate-300 bg-white p-3">
      <h2 id="choose-pin" className="text-lg font-semibold">
        {t("choosePinTitle")}
      </h2>
      <p className="mb-2 text-sm text-slate-800">{t("choosePinHelp", { count: maxPinTries })}</p>
      <form onSubmit={(event) => void submit(event)} className="grid gap-2 sm:grid-cols-2" noValidate>
        <TextField name="pin" id="new-pin" label={t("pin")} hint={t("pinHint")} error={errors.pin} {...pinInput} />
        <TextField name="confirmPin" id="new-pin-again" label={t("confirmPin")} error={errors.confirmPin} {...pinInput} />
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={busy}>
            {busy ? t("preparing") : t("savePinAndPrepare")}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
