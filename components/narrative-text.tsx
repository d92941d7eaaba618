import { getLocale, getTranslations } from "next-intl/server";
import type { Narrative } from "@/db/schema";
import { narrativeFor } from "@/lib/narrative";

/**
 * A narrative text (a finding, a statement) in the reader's language, or the original with a visible "not yet translated"
 * mark. Paragraphs are split on blank lines and lines starting with "- " become a list: the only
 * formatting, kept as text so nothing a writer types can run in a reader's browser.
 */
export async function NarrativeText({ text, as = "body" }: { text: Narrative; as?: "title" | "body" }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("findings")]);
  const shown = narrativeFor(text, locale);
  const mark = !shown.translated && (
    <span lang={locale} className="ml-2 inline-block rounded bg-amber-100 px-2 py-0.5 align-middle text-xs font-normal text-amber-950">
      {t("notTranslated", { language: t(`languages.${shown.language}`) })}
    </span>
  );
  if (as === "title") {
    return (
      <>
        <span lang={shown.language}>{shown.text}</span>
        {mark}
      </>
    );
  }
  const blocks = shown.text.split(/\n\s*\n/).filter((b) => b.trim());
  return (
    <div lang={shown.language} className="flex flex-col gap-2 text-slate-800">
      {mark && <p>{mark}</p>}
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        return lines.every((l) => l.trimStart().startsWith("- ")) ? (
          <ul key={i} className="list-disc pl-6">
            {lines.map((l, j) => (
              <li key={j}>{l.trimStart().slice(2)}</li>
            ))}
          </ul>
        ) : (
          <p key={i} className="whitespace-pre-line">
            {block}
          </p>
        );
      })}
    </div>
  );
}
