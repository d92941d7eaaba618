"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ColumnMapping } from "@/components/imports/column-mapping";
import { FilePicker } from "@/components/imports/file-picker";
import { ImportFailure } from "@/components/imports/import-failure";
import { RowErrors } from "@/components/imports/row-errors";
import { postJson, readSheet, type ApiError, type ReadSheet } from "@/components/imports/requests";
import { SelectField, type Option } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { institutionImportFields, participantImportFields } from "@/lib/imports/mapping";
import type { Preview } from "@/lib/imports/rows";

type Kind = "participants" | "institutions";
type Sheet = ReadSheet<Kind>;

/** Upload → map columns → check every row → import all or nothing. */
export function ImportWizard({ projects }: { projects: Option[] }) {
  const t = useTranslations("imports");
  const [kind, setKind] = useState<Kind>("participants");
  const [projectId, setProjectId] = useState(projects[0]?.value ?? "");
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const fields: readonly string[] = kind === "participants" ? participantImportFields : institutionImportFields;
  const payload = () => ({ ...(kind === "participants" ? { projectId } : {}), headers: sheet!.headers, rows: sheet!.rows, mapping });

  const read = useMutation({
    mutationFn: (file: File) => readSheet<Kind>(file),
    onSuccess: (data) => {
      setSheet(data);
      setMapping(data.guesses[kind]);
      preview.reset();
      commit.reset();
    },
  });
  const preview = useMutation({ mutationFn: () => postJson<Preview>(`/api/v1/${kind}/import/preview`, payload()) });
  const commit = useMutation({ mutationFn: () => postJson<{ created: number; existing: number }>(`/api/v1/${kind}/import/commit`, payload()) });

  const changeKind = (next: Kind) => {
    setKind(next);
    if (sheet) setMapping(sheet.guesses[next]);
    preview.reset();
    commit.reset();
  };
  const errorOf = (error: unknown) => error as ApiError | null;

  return (
    <div className="flex flex-col gap-6">
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end">
        <SelectField
          name="kind"
          label={t("kind")}
          value={kind}
          onChange={(e) => changeKind(e.target.value as Kind)}
          options={[
            { value: "participants", label: t("kinds.participants") },
            { value: "institutions", label: t("kinds.institutions") },
          ]}
        />
        {kind === "participants" && (
          <SelectField name="projectId" label={t("project")} value={projectId} onChange={(e) => setProjectId(e.target.value)} options={projects} />
        )}
        <FilePicker onFile={(file) => read.mutate(file)} error={read.isError ? errorOf(read.error) : null} />
      </section>

      {sheet && (
        <section aria-labelledby="mapping" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mapping" className="mb-1 text-lg font-semibold">
            {t("mapping")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("mappingHelp", { rows: sheet.rows.length })}</p>
          <ColumnMapping
            fields={fields}
            headers={sheet.headers}
            mapping={mapping}
            onChange={(field, column) => {
              setMapping((old) => ({ ...old, [field]: column }));
              preview.reset();
            }}
          />
          <div className="mt-4 flex flex-wrap gap-2">
            <Button onClick={() => preview.mutate()} disabled={preview.isPending}>
              {t("check")}
            </Button>
          </div>
        </section>
      )}

      {preview.data && (
        <section aria-labelledby="preview" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="preview" className="mb-1 text-lg font-semibold">
            {t("preview")}
          </h2>
          <p className="mb-3 text-sm" role="status">
            {t("counts", preview.data.counts)}
          </p>
          <Table caption={t("preview")}>
            <thead>
              <tr>
                <Th>{t("row")}</Th>
                <Th>{t("record")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("details")}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.data.rows.map((r) => (
                <tr key={r.row}>
                  <Td>{r.row}</Td>
                  <Td>{r.label || "—"}</Td>
                  <Td>{t(`statuses.${r.status}`)}</Td>
                  <Td>
                    <RowErrors errors={r.errors} />
                    {r.match && <span className="text-slate-700">{t("alreadyThere", { name: r.match.label })}</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button onClick={() => commit.mutate()} disabled={commit.isPending || preview.data.counts.error > 0}>
              {t("import", { count: preview.data.counts.new })}
            </Button>
            {preview.data.counts.error > 0 && <span className="text-sm text-red-800">{t("fixFirst")}</span>}
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("done", commit.data)}
        </p>
      )}
      {commit.isError && <ImportFailure error={errorOf(commit.error)!} />}
    </div>
  );
}
