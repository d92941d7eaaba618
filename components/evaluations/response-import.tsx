"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ColumnMapping } from "@/components/imports/column-mapping";
import { FilePicker } from "@/components/imports/file-picker";
import { ImportFailure } from "@/components/imports/import-failure";
import { RowErrors } from "@/components/imports/row-errors";
import { postJson, readSheet, type ApiError, type ReadSheet } from "@/components/imports/requests";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { Preview } from "@/lib/imports/rows";
import { guessResponseMapping, type ResponseMapping } from "@/lib/evaluations/mapping";

type Props = { projectId: string; evaluationId: string; statements: { key: string; label: string }[] };

/** Upload a survey export → check which column holds what → see each row → import all or nothing. */
export function ResponseImport({ projectId, evaluationId, statements }: Props) {
  const t = useTranslations("evaluations");
  const tImports = useTranslations("imports");
  const router = useRouter();
  const [sheet, setSheet] = useState<ReadSheet<string> | null>(null);
  const [mapping, setMapping] = useState<ResponseMapping>({ group: null, externalId: null, statements: {} });
  const base = `/api/v1/projects/${projectId}/evaluations/${evaluationId}/import`;
  const payload = () => ({ headers: sheet!.headers, rows: sheet!.rows, mapping });
  const preview = useMutation({ mutationFn: () => postJson<Preview>(`${base}/preview`, payload()) });
  const commit = useMutation({ mutationFn: () => postJson<{ added: number; skipped: number }>(`${base}/commit`, payload()), onSuccess: () => router.refresh() });
  const read = useMutation({
    mutationFn: (file: File) => readSheet<string>(file),
    onSuccess: (data) => {
      setSheet(data);
      setMapping(guessResponseMapping(data.headers, statements.map((s) => s.key)));
      preview.reset();
      commit.reset();
    },
  });
  // The mapping as one flat list of fields: the group, the submission id, then each statement.
  const labels = { group: t("groupColumn"), externalId: t("idColumn"), ...Object.fromEntries(statements.map((s) => [s.key, s.label])) };
  const flat: Record<string, number | null> = { group: mapping.group, externalId: mapping.externalId, ...mapping.statements };
  const change = (field: string, column: number | null) => {
    setMapping((old) => (field === "group" || field === "externalId" ? { ...old, [field]: column } : { ...old, statements: { ...old.statements, [field]: column } }));
    preview.reset();
    commit.reset();
  };
  return (
    <section aria-labelledby="response-import" className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="response-import" className="text-lg font-semibold">
        {t("import")}
      </h2>
      <p className="text-sm text-slate-700">{t("importHelp")}</p>
      <FilePicker onFile={(file) => read.mutate(file)} error={read.isError ? (read.error as unknown as ApiError) : null} />
      {sheet && (
        <>
          <p className="text-sm text-slate-700">{tImports("mappingHelp", { rows: sheet.rows.length })}</p>
          <ColumnMapping fields={["group", "externalId", ...statements.map((s) => s.key)]} headers={sheet.headers} mapping={flat} onChange={change} labels={labels} />
          {mapping.externalId === null && (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
              {t("noIdColumn")}
            </p>
          )}
          <Button className="self-start" onClick={() => preview.mutate()} disabled={preview.isPending}>
            {t("check")}
          </Button>
        </>
      )}
      {preview.isError && <ImportFailure error={preview.error as unknown as ApiError} />}
      {preview.data && (
        <>
          <p role="status" className="text-sm">
            {t("counts", preview.data.counts)}
          </p>
          <Table caption={t("preview")}>
            <thead>
              <tr>
                <Th>{t("row")}</Th>
                <Th>{t("respondent")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.data.rows.map((r) => (
                <tr key={r.row}>
                  <Td>{r.row}</Td>
                  <Td>{r.label}</Td>
                  <Td>
                    {t(`statuses.${r.status}`)}
                    <RowErrors errors={r.errors} labels={labels} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => commit.mutate()} disabled={commit.isPending || preview.data.counts.error > 0}>
              {t("importNow")}
            </Button>
            {preview.data.counts.error > 0 && <span className="text-sm text-slate-800">{t("fixFirst")}</span>}
          </div>
        </>
      )}
      {commit.isSuccess && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("done", commit.data)}
        </p>
      )}
      {commit.isError && <ImportFailure error={commit.error as unknown as ApiError} />}
    </section>
  );
}
