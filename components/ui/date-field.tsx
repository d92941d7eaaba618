"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { dateLayout, formatDateInput, parseDateInput } from "@/lib/i18n/date-input";
import { controlClass, describedBy, FieldFrame } from "./field";

type DateFieldProps = { name: string; label: string; error?: string; hint?: string; className?: string; defaultValue?: string } & Omit<
  ComponentProps<"input">,
  "name" | "type" | "defaultValue" | "value" | "onChange"
>;

/**
 * A calendar date typed in the order of the app's language (dd/mm/aaaa in Spanish), where the
 * browser's date input follows the browser's language. The form still sends the ISO date under
 * `name`, from a hidden input: actions and use cases read what they always read. Both inputs are
 * uncontrolled; a form reset (React resets a form after its action) restores the typed text by
 * itself, but a hidden input has no separate default, so the reset listener restores it.
 */
export function DateField({ name, label, error, hint, className, id = `field-${name}`, defaultValue = "", ...props }: DateFieldProps) {
  const t = useTranslations("common");
  const layout = dateLayout(useLocale());
  const pattern = layout.order.map((part) => t(`datePattern.${part}`)).join(layout.separator);
  const formatHint = t("dateFormat", { pattern });
  const fullHint = hint ? `${hint} ${formatHint}` : formatHint;
  const setIso = (input: HTMLInputElement) => {
    const hidden = input.nextElementSibling;
    if (hidden instanceof HTMLInputElement) hidden.value = parseDateInput(input.value, layout);
  };
  return (
    <FieldFrame id={id} label={label} error={error} hint={fullHint} className={className}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        defaultValue={formatDateInput(defaultValue, layout)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, fullHint)}
        className={controlClass}
        ref={(input) => {
          const form = input?.form;
          if (!input || !form) return;
          const restore = () => {
            const hidden = input.nextElementSibling;
            if (hidden instanceof HTMLInputElement) hidden.value = defaultValue;
          };
          form.addEventListener("reset", restore);
          return () => form.removeEventListener("reset", restore);
        }}
        onInput={(event) => setIso(event.currentTarget)}
        onBlur={(event) => {
          const iso = parseDateInput(event.currentTarget.value, layout);
          event.currentTarget.value = formatDateInput(iso, layout);
        }}
        {...props}
      />
      <input type="hidden" name={name} defaultValue={defaultValue} />
    </FieldFrame>
  );
}
