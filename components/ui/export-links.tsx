import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/** Downloads of the list as filtered on screen, as CSV and as Excel. */
export async function ExportLinks({ endpoint, params }: { endpoint: string; params: Record<string, string | undefined> }) {
  const t = await getTranslations("common");
  const href = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set("format", format);
    return `${endpoint}?${query}`;
  };
  return (
    <>
      <a href={href("csv")} className={buttonClass("secondary")} download>
        {t("exportCsv")}
      </a>
      <a href={href("xlsx")} className={buttonClass("secondary")} download>
        {t("exportXlsx")}
      </a>
    </>
  );
}
