"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { confirmSecondFactorAction, disableSecondFactorAction, startSecondFactorAction } from "./actions";

/** Turning the second factor on (scan, confirm with a code, keep the recovery codes) or off. */
export function SecondFactor({ on, recoveryCodesLeft }: { on: boolean; recoveryCodesLeft: number }) {
  const t = useTranslations("secondFactor");
  const [started, start] = useActionState(startSecondFactorAction, idleForm);
  const [confirmed, confirm] = useActionState(confirmSecondFactorAction, idleForm);
  const [disabled, disable] = useActionState(disableSecondFactorAction, idleForm);
  if (confirmed.status === "success") {
    return (
      <div role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm">
        <h3 className="mb-1 font-medium">{t("recoveryTitle")}</h3>
        <p className="mb-2">{t("recoveryIntro")}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono" aria-label={t("recoveryTitle")}>
          {confirmed.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (on && disabled.status !== "success") {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm">{t("on", { left: recoveryCodesLeft })}</p>
        <form action={disable} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
          <TextField name="code" label={t("code")} hint={t("turnOffIntro")} autoComplete="one-time-code" required error={disabled.fieldErrors?.code} />
          <SubmitButton variant="secondary">{t("turnOff")}</SubmitButton>
        </form>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="text-sm">{t("off")}</p>
      {started.status === "success" ? (
        <>
          <p className="text-sm">{t("scan")}</p>
          {/* biome-ignore lint/performance/noImgElement: a data address drawn on the server needs no image optimisation. */}
          <img src={started.data.qr} alt={t("qr")} width={200} height={200} className="bg-white" />
          <p className="text-sm">
            {t("key")}: <code data-testid="second-factor-key">{started.data.key}</code>
          </p>
          <form action={confirm} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
            <TextField name="code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" required error={confirmed.fieldErrors?.code} />
            <SubmitButton>{t("confirm")}</SubmitButton>
          </form>
          {confirmed.status === "error" && !confirmed.fieldErrors?.code && <FormMessage state={confirmed} />}
        </>
      ) : (
        <form action={start}>
          <SubmitButton variant="secondary">{t("turnOn")}</SubmitButton>
        </form>
      )}
      {started.status === "error" && <FormMessage state={started} />}
    </div>
  );
}
