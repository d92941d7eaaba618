import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { switchLocaleAction } from "../actions";

/**
 * The frame of the pages seen before signing in: the app's name, the language menu, then the
 * page's card and what follows it. Each page sends its own messages around it (PageMessages).
 */
export async function SignInShell({ children }: { children: ReactNode }) {
  const t = await getTranslations("auth");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xl font-bold text-teal-900">{t("brand")}</p>
        <LanguageSwitcher switchLocale={switchLocaleAction} />
      </div>
      {children}
    </main>
  );
}
