"use client";

import { useMessages, useTranslations } from "next-intl";
import { SelectField, type Option } from "@/components/ui/field";
import { hasMessage } from "@/lib/i18n/keys";

type Props = {
  fields: readonly string[];
  headers: string[];
  mapping: Record<string, number | null>;
  onChange: (field: string, column: number | null) => void;
  /** How fields read when they are not the app's own (an evaluation's statements). */
  labels?: Record<string, string>;
};

/** For each field, the column of the file that holds it (or none). */
export function ColumnMapping({ fields, headers, mapping, onChange, labels }: Props) {
  const t = useTranslations("imports");
  const fieldMessages = useMessages().imports?.fields;
  const columns: Option[] = [{ value: "", label: t("noColumn") }, ...headers.map((h, i) => ({ value: String(i), label: h }))];
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {fields.map((field) => (
        <SelectField
          key={field}
          id={`map-${field}`}
          name={`map-${field}`}
          label={labels?.[field] ?? (hasMessage(fieldMessages, field) ? t(`fields.${field}`) : field)}
          value={mapping[field] === null || mapping[field] === undefined ? "" : String(mapping[field])}
          onChange={(e) => onChange(field, e.target.value === "" ? null : Number(e.target.value))}
          options={columns}
        />
      ))}
    </div>
  );
}
