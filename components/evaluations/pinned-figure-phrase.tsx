import { getLocale, getTranslations } from "next-intl/server";
import type { PinnedFigure } from "@/lib/evaluations/queries";
import { narrativeFor } from "@/lib/narrative";

/** "76 % of the 109 people surveyed agree", for everyone or one group, in the reader's language; a withheld figure says only why. */
export async function PinnedFigurePhrase({ pinned }: { pinned: PinnedFigure }) {
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale()]);
  const figure = pinned.figure;
  const group = pinned.group ? narrativeFor(pinned.group, locale).text : null;
  if (!figure.shown) {
    if (!group) return t("tooFewPhrase");
    return figure.reason === "tooFew" ? t("tooFewGroupPhrase", { group }) : t("protectedGroupPhrase", { group });
  }
  const { percent, n } = figure;
  return group ? t("pinnedGroupPhrase", { percent, n, group }) : t("pinnedPhrase", { percent, n });
}
