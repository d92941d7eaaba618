"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiError, ApiResult } from "@/lib/http/api-fetch";
import type { FieldError } from "@/lib/result";
import { ColumnMapping } from "./column-mapping";
import { FilePicker } from "./file-picker";
import { ImportFailure } from "./import-failure";
import { answerOf, readSheet, type ReadSheet } from "./requests";

export type Mapping = Record<string, number | null>;

/** What every import's check answers: one entry per row of the file, and how many rows end in each status. */
export type ImportPreview = {
  rows: { row: number; status: string; label: string; errors: Record<string, FieldError> }[];
  counts: { error: number };
};

/** What the import's routes receive: the file's headers and rows, the mapping, and what `body` adds. */
type ImportRequest = { headers: string[]; rows: string[][]; mapping: Mapping } & Record<string, unknown>;

type WizardOptions<P, C> = {
  /** The import's check of every row, then its commit: each calls its route through apiFetch, so the answers have the use cases' types. */
  preview: (request: ImportRequest) => Promise<ApiResult<P>>;
  commit: (request: ImportRequest) => Promise<ApiResult<C>>;
  /** The columns proposed for a file just read. */
  guess: (sheet: ReadSheet) => Mapping;
  /** What the API needs besides the file's headers, rows and the mapping (or in place of the mapping's flat form). */
  body?: (mapping: Mapping) => Record<string, unknown>;
  /** After a file is read, before anything is checked: forget what was decided about the last one. */
  onRead?: () => void;
  onCommitted?: () => void;
};

/**
 * The state of an import (pick a file → map columns → check every row → import all or nothing),
 * kept by the screen so its own settings (a kind, a project, a day, decisions per row) can reset
 * the steps they change.
 */
export function useImportWizard<P extends ImportPreview, C>({ preview: check, commit: save, guess, body, onRead, onCommitted }: WizardOptions<P, C>) {
  const [sheet, setSheet] = useState<ReadSheet | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const payload = (): ImportRequest => ({ headers: sheet!.headers, rows: sheet!.rows, mapping, ...body?.(mapping) });
  const preview = useMutation<P, ApiError>({ mutationFn: () => answerOf(check(payload())) });
  const commit = useMutation<C, ApiError>({ mutationFn: () => answerOf(save(payload())), onSuccess: () => onCommitted?.() });
  /** A setting or the mapping changed: the last check and import no longer describe what would be sent. */
  const changed = () => {
    preview.reset();
    commit.reset();
  };
  const read = useMutation<ReadSheet, ApiError, File>({
    mutationFn: readSheet,
    onSuccess: (data) => {
      setSheet(data);
      setMapping(guess(data));
      onRead?.();
      changed();
    },
  });
  const mapColumn = (field: string, column: number | null) => {
    setMapping((old) => ({ ...old, [field]: column }));
    changed();
  };
  return { sheet, mapping, setMapping, mapColumn, changed, read, preview, commit };
}

export type ImportWizardState<P extends ImportPreview, C> = ReturnType<typeof useImportWizard<P, C>>;

type Column<Row> = { header: string; cell: (row: Row) => ReactNode };

type Props<P extends ImportPreview, C> = {
  wizard: ImportWizardState<P, C>;
  /** The fields to map, and how they read when they are not the app's own (an evaluation's statements). */
  fields: readonly string[];
  labels?: Record<string, string>;
  /** The screen's own choices, shown beside the file input. */
  settings?: ReactNode;
  /** A warning about the mapping, under it. */
  mappingNote?: ReactNode;
  columns: Column<P["rows"][number]>[];
  /** Something other than a row in error holds the import back (an unsure match not yet decided). */
  isBlocked?: boolean;
  text: { check: string; preview: string; counts: (counts: P["counts"]) => string; commit: string; fixFirst: string; done: (result: C) => string };
  /** The steps' heading level: h3 when the wizard sits in a section of a page that has its own h2. */
  headingLevel?: "h2" | "h3";
};

/** The steps of every import, the same on every screen; what differs comes in through the props. */
export function ImportWizard<P extends ImportPreview, C>({
  wizard,
  fields,
  labels,
  settings,
  mappingNote,
  columns,
  isBlocked = false,
  text,
  headingLevel: Heading = "h2",
}: Props<P, C>) {
  const t = useTranslations("imports");
  const mappingId = useId();
  const previewId = useId();
  const { sheet, mapping, mapColumn, read, preview, commit } = wizard;
  const hasErrors = (preview.data?.counts.error ?? 0) > 0;
  return (
    <div className="flex flex-col gap-6">
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end">
        {settings}
        <FilePicker onFile={(file) => read.mutate(file)} error={read.error} />
      </section>

      {sheet && (
        <section aria-labelledby={mappingId} className="rounded-lg border border-slate-200 bg-white p-4">
          <Heading id={mappingId} className="mb-1 text-lg font-semibold">
            {t("mapping")}
          </Heading>
          <p className="mb-3 text-sm text-slate-700">{t("mappingHelp", { rows: sheet.rows.length })}</p>
          <ColumnMapping fields={fields} headers={sheet.headers} mapping={mapping} onChange={mapColumn} labels={labels} />
          {mappingNote}
          <Button className="mt-4" onClick={() => preview.mutate()} disabled={preview.isPending}>
            {text.check}
          </Button>
        </section>
      )}
      {preview.error && <ImportFailure error={preview.error} />}

      {preview.data && (
        <section aria-labelledby={previewId} className="rounded-lg border border-slate-200 bg-white p-4">
          <Heading id={previewId} className="mb-1 text-lg font-semibold">
            {text.preview}
          </Heading>
          <p className="mb-3 text-sm" role="status">
            {text.counts(preview.data.counts)}
          </p>
          <Table caption={text.preview}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <Th key={c.header}>{c.header}</Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.data.rows.map((r) => (
                <tr key={r.row}>
                  {columns.map((c) => (
                    <Td key={c.header}>{c.cell(r)}</Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button onClick={() => commit.mutate()} disabled={commit.isPending || hasErrors || isBlocked}>
              {text.commit}
            </Button>
            {(hasErrors || isBlocked) && <span className="text-sm text-red-800">{text.fixFirst}</span>}
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {text.done(commit.data)}
        </p>
      )}
      {commit.error && <ImportFailure error={commit.error} />}
    </div>
  );
}
