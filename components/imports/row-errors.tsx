"use client";

import { useMessages, useTranslations } from "next-intl";
import { hasMessage } from "@/lib/i18n/keys";
import type { FieldError } from "@/lib/result";

/** What is wrong with one row of an imported file: each field and why, in the user's language. */
export function RowErrors({ errors, labels }: { errors: Record<string, FieldError>; labels?: Record<string, string> }) {
  const t = useTranslations("imports");
  const tValidation = useTranslations("validation");
  const fieldMessages = useMessages().imports?.fields;
  return Object.entries(errors).map(([field, error]) => (
    <span key={field} className="block text-red-800">
      {labels?.[field] ?? (hasMessage(fieldMessages, field) ? t(`fields.${field}`) : field)}: {tValidation(error.key, error.values)}
    </span>
  ));
}
