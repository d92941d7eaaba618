"use client";

import { useLocale, useTranslations } from "next-intl";
import { locales, type Narrative } from "@/db/schema/values";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";

type Field = { name: string; label: string; multiline?: boolean };

type Props = {
  fields: Field[];
  /** The texts as stored, by field name; none for a new record. */
  stored?: Record<string, Narrative | null>;
  /** What the user typed, when a refused form comes back. */
  typed?: Record<string, string>;
  errors?: Record<string, string>;
};

/**
 * Texts written in one language and translated into the others: the language written first, then
 * each field in each language (`name.fr`…), read back by narrativeFromForm. A language left blank
 * shows the original with a "not yet translated" mark. A new text starts in the reader's language.
 */
export function TranslatedFields({ fields, stored, typed, errors }: Props) {
  const locale = useLocale();
  const t = useTranslations("common");
  const language = useTranslations("language");
  const original = typed?.original ?? Object.values(stored ?? {}).find((text) => text)?.original ?? locale;
  return (
    <div className="flex flex-col gap-3">
      <SelectField
        name="original"
        label={t("writtenFirstIn")}
        hint={t("translationHint")}
        defaultValue={original}
        options={locales.map((l) => ({ value: l, label: language(l) }))}
        className="sm:max-w-xs"
      />
      {locales.map((l) => (
        <fieldset key={l} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("inLanguage", { language: language(l) })}</legend>
          {fields.map((field) => {
            const props = {
              name: `${field.name}.${l}`,
              id: `field-${field.name}-${l}`,
              label: field.label,
              lang: l,
              defaultValue: typed?.[`${field.name}.${l}`] ?? stored?.[field.name]?.[l] ?? "",
              error: errors?.[`${field.name}.${l}`],
            };
            return field.multiline ? <TextAreaField key={field.name} {...props} /> : <TextField key={field.name} {...props} />;
          })}
        </fieldset>
      ))}
    </div>
  );
}
