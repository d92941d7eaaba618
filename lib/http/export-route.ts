import "server-only";
import { getTranslations } from "next-intl/server";
import { getApiContext } from "@/lib/request-context";
import { failureResponse } from "./api";
import type { Result } from "@/lib/result";
import type { Ctx } from "@/lib/session-user";
import { writeSpreadsheet, type ExportFormat } from "@/lib/spreadsheets/write";
import { fileTypes } from "./declaration";
import { datedFileName, fileResponse } from "./document-response";

type Translate = (key: string) => string;
type Exported<R> = { format: ExportFormat; rows: R[] };
type Column<R> = { header: string; value: (row: R, t: Translate) => string | number | null };

/**
 * A GET that answers a CSV or XLSX file of a use case's rows, with column headers and coded
 * values in the caller's language.
 */
export function exportRoute<R>(run: (ctx: Ctx, input: unknown) => Promise<Result<Exported<R>>>, fileName: string, columns: (t: Translate) => Column<R>[]) {
  return async (request: Request) => {
    const t = (await getTranslations()) as unknown as Translate;
    const result = await run(await getApiContext(), Object.fromEntries(new URL(request.url).searchParams));
    if (!result.ok) return failureResponse(result);
    const cols = columns(t);
    const bytes = await writeSpreadsheet(
      result.data.format,
      cols.map((c) => c.header),
      result.data.rows.map((row) => cols.map((c) => c.value(row, t))),
    );
    return fileResponse(bytes, fileTypes[result.data.format], datedFileName(fileName, result.data.format));
  };
}
