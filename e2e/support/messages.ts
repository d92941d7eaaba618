import { createTranslator } from "use-intl/core";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import es from "../../lib/i18n/messages/es.json" with { type: "json" };
import fr from "../../lib/i18n/messages/fr.json" with { type: "json" };

/** The UI's own catalogues, so specs find elements by the words a user of that language sees. */
export const messages = { en, es, fr };
export type Locale = keyof typeof messages;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** Messages with plurals and other ICU forms, formatted as the app formats them. */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
}
