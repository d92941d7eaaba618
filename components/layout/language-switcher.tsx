"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { locales } from "@/lib/i18n/config";

/** `switchLocale` is the server action that stores the choice (app/actions.ts). */
export function LanguageSwitcher({ switchLocale }: { switchLocale: (formData: FormData) => Promise<void> }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={switchLocale} className="flex items-center gap-2">
      <label htmlFor="language-switcher" className="text-sm">
        {t("label")}
      </label>
      {/* React applies a select's defaultValue only when it mounts, and resets the form to it once the action is done:
          keyed by the locale, the select mounts again with the new language chosen. */}
      <select
        key={locale}
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(l)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("apply")}</button>
      </noscript>
    </form>
  );
}
