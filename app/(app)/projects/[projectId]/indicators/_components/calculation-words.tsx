import { useFormatter, useTranslations } from "next-intl";
import { calendarDate } from "@/lib/i18n/dates";
import type { Wording } from "@/lib/indicators/calculations/calculation";

/**
 * A computed figure in words: what is counted, over which days, and the filters that narrow it,
 * e.g. "Unique people who attended at least 1 day of the project's workshops, between 1 Apr 2020
 * and 31 Mar 2021. Only: Training workshops only; workshops or actions linked to output 1111."
 */
export function CalculationWords({ wording, period }: { wording: Wording; period: { startDate: string; endDate: string } | null }) {
  const t = useTranslations("calculations");
  const tWorkshops = useTranslations("workshops");
  const tInstitutions = useTranslations("institutions");
  const format = useFormatter();
  const day = (d: string) => format.dateTime(calendarDate(d), { dateStyle: "medium" });
  const named = (clause: Wording["filters"][number]) => {
    const v = clause.values;
    if (clause.key === "workshopType") return t("filters.workshopType", { type: tWorkshops(`types.${v.type as "training"}`) });
    if (clause.key === "sector") return t("filters.sector", { sector: tInstitutions(`sectors.${v.sector as "state"}`) });
    if (clause.key === "institutionKind") return t("filters.institutionKind", { kind: tInstitutions(`kinds.${v.kind as "ngo"}`) });
    if (clause.key === "level") return t("filters.level", { level: tInstitutions(`levels.${v.level as "local"}`) });
    return t(`filters.${clause.key as "output"}`, v);
  };
  const when = period ? t("between", { from: day(period.startDate), to: day(period.endDate) }) : t("wholeProject");
  return (
    <p>
      {t(`sentences.${wording.key as "attendances"}`, wording.values)}, {when}.{wording.filters.length > 0 && <> {t("only", { filters: wording.filters.map(named).join("; ") })}</>}
    </p>
  );
}
