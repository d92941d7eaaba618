import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Conflict } from "@/lib/forms";
import { calendarDate } from "@/lib/i18n/dates";
import { getAction } from "@/lib/improvement-actions/use-cases";
import { getRequestContext } from "@/lib/request-context";

/** The action as the other person saved it, worded for the reader, to show beside the refused edit. */
export async function actionConflict(ids: { projectId: string; actionId: string }): Promise<Conflict | undefined> {
  const result = await getAction(await getRequestContext(), ids);
  if (!result.ok) return undefined;
  const [t, format] = await Promise.all([getTranslations("improvementActions"), getFormatter()]);
  const { action, ownerName } = result.data;
  return {
    version: action.version,
    fields: [
      { label: t("name"), value: action.title },
      { label: t("status"), value: t(`statuses.${action.status}`) },
      { label: t("progress"), value: t("percent", { value: action.progress }) },
      { label: t("dueDate"), value: action.dueDate ? format.dateTime(calendarDate(action.dueDate), { dateStyle: "long" }) : "—" },
      { label: t("owner"), value: ownerName ?? t("noOwner") },
      { label: t("description"), value: action.description || "—" },
    ],
  };
}
