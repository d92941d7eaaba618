import type { Locale, scaleSizes } from "@/db/schema/values";

export type ScaleSize = (typeof scaleSizes)[number];

/**
 * The usual wording of each level of an agreement scale, lowest first, in the three languages:
 * shown beside the results, and recognised in survey files exported with labels (KoboToolbox's
 * default) instead of numbers.
 */
export const scaleWording: Record<ScaleSize, Record<Locale, string[]>> = {
  5: {
    fr: ["Pas du tout d'accord", "Pas d'accord", "Ni d'accord ni pas d'accord", "D'accord", "Tout à fait d'accord"],
    es: ["Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo", "Totalmente de acuerdo"],
    en: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
  },
  4: {
    fr: ["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
    es: ["Totalmente en desacuerdo", "En desacuerdo", "De acuerdo", "Totalmente de acuerdo"],
    en: ["Strongly disagree", "Disagree", "Agree", "Strongly agree"],
  },
};

/** A level's wording in the reader's language (the evaluation's scale has 4 or 5 levels). */
export function levelWording(scaleSize: number, level: number, locale: Locale): string {
  return scaleWording[scaleSize as ScaleSize][locale][level - 1]!;
}
