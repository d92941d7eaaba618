import type { FieldError, FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import type { ColumnMapping } from "./fields";

export type RowStatus = "new" | "existing" | "error";

export type PreviewRow = {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  status: RowStatus;
  label: string;
  errors: Record<string, FieldError>;
  match?: { id: string; label: string; score: number };
};

export type Preview = { rows: PreviewRow[]; counts: Record<RowStatus, number> };

export function cellOf<F extends string>(mapping: ColumnMapping<F>, row: string[], field: F): string {
  const index = mapping[field];
  return index === null || index === undefined ? "" : (row[index] ?? "").trim();
}

export function summarise(rows: PreviewRow[]): Preview {
  const counts: Record<RowStatus, number> = { new: 0, existing: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { rows, counts };
}

/** All-or-nothing: one row in error refuses the whole file, naming each row and field. */
export function refuseIfAnyError(preview: Preview): void {
  const failing = preview.rows.filter((r) => r.status === "error");
  if (failing.length === 0) return;
  const fieldErrors: FieldErrors = {};
  for (const r of failing) {
    for (const [field, error] of Object.entries(r.errors)) fieldErrors[`row ${r.row} · ${field}`] = error;
  }
  throw new UseCaseError("invalid", fieldErrors);
}
