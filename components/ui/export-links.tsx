import { getTranslations } from "next-intl/server";
import { DownloadLink } from "./download-link";

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
      <DownloadLink href={href("csv")}>{t("exportCsv")}</DownloadLink>
      <DownloadLink href={href("xlsx")}>{t("exportXlsx")}</DownloadLink>
    </>
  );
}
