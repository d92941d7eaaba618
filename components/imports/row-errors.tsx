"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/result";

/** What is wrong with one row of an imported file: each field and why, in the user's language. */
export function RowErrors({ errors, labels }: { errors: Record<string, FieldError>; labels?: Record<string, string> }) {
  const t = useTranslations("imports");
  const tValidation = useTranslations("validation");
  return Object.entries(errors).map(([field, error]) => (
    <span key={field} className="block text-red-800">
      {labels?.[field] ?? t(`fields.${field}` as never)}: {tValidation(error.key as never, error.values as never)}
    </span>
  ));
}
