import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Conflict } from "@/lib/forms";
import { narrativeFor } from "@/lib/narrative";
import { getFinding } from "@/lib/findings/use-cases";
import { getRequestContext } from "@/lib/request-context";

/** The finding as the other person saved it, worded for the reader, to show beside the refused edit. */
export async function findingConflict(ids: { projectId: string; studyId: string; findingId: string }): Promise<Conflict | undefined> {
  const result = await getFinding(await getRequestContext(), ids);
  if (!result.ok) return undefined;
  const [t, locale] = await Promise.all([getTranslations("findings"), getLocale()]);
  const { finding } = result.data;
  return {
    version: finding.version,
    fields: [
      { label: t("findingTitle"), value: narrativeFor(finding.title, locale).text },
      { label: t("theme"), value: finding.theme ? t(`themes.${finding.theme}`) : result.data.projectThemeName ? narrativeFor(result.data.projectThemeName, locale).text : "—" },
      { label: t("priority"), value: t(`priorities.${finding.priority}`) },
      { label: t("status"), value: t(`statuses.${finding.status}`) },
      { label: t("description"), value: narrativeFor(finding.description, locale).text },
    ],
  };
}
