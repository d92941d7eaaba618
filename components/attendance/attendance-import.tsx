"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ColumnMapping } from "@/components/imports/column-mapping";
import { FilePicker } from "@/components/imports/file-picker";
import { ImportFailure } from "@/components/imports/import-failure";
import { RowErrors } from "@/components/imports/row-errors";
import { postJson, readSheet, type ApiError, type ReadSheet } from "@/components/imports/requests";
import { Button } from "@/components/ui/button";
import { SelectField, type Option } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import type { AttendancePreview } from "@/lib/imports/attendance";
import { attendanceImportFields } from "@/lib/imports/mapping";

type Props = { projectId: string; workshopId: string; days: Option[]; initialDay: string };

/** Upload a filled sign-in sheet → map columns → see each row's match → decide the unsure ones → import all or nothing. */
export function AttendanceImport({ projectId, workshopId, days, initialDay }: Props) {
  const t = useTranslations("attendanceImport");
  const tImports = useTranslations("imports");
  const format = useFormatter();
  const [sheet, setSheet] = useState<ReadSheet<"attendance"> | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [day, setDay] = useState(initialDay);
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const base = `/api/v1/projects/${projectId}/workshops/${workshopId}/import`;
  const payload = () => ({ day, headers: sheet!.headers, rows: sheet!.rows, mapping, decisions });

  const preview = useMutation({ mutationFn: () => postJson<AttendancePreview>(`${base}/preview`, payload()) });
  const commit = useMutation({ mutationFn: () => postJson<{ created: number; recorded: number; alreadyPresent: number }>(`${base}/commit`, payload()) });
  const read = useMutation({
    mutationFn: (file: File) => readSheet<"attendance">(file),
    onSuccess: (data) => {
      setSheet(data);
      setMapping(data.guesses.attendance);
      setDecisions({});
      preview.reset();
      commit.reset();
    },
  });
  const changed = () => {
    preview.reset();
    commit.reset();
  };
  const percent = (score: number) => format.number(score, { style: "percent" });
  const undecided = preview.data?.rows.some((r) => r.status === "uncertain" && !decisions[String(r.row)]) ?? true;

  return (
    <div className="flex flex-col gap-6">
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 sm:items-end">
        <SelectField
          name="day"
          label={t("defaultDay")}
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            changed();
          }}
          options={days}
        />
        <FilePicker onFile={(file) => read.mutate(file)} error={read.isError ? (read.error as unknown as ApiError) : null} />
      </section>

      {sheet && (
        <section aria-labelledby="mapping" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mapping" className="mb-1 text-lg font-semibold">
            {tImports("mapping")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{tImports("mappingHelp", { rows: sheet.rows.length })}</p>
          <ColumnMapping
            fields={attendanceImportFields}
            headers={sheet.headers}
            mapping={mapping}
            onChange={(field, column) => {
              setMapping((old) => ({ ...old, [field]: column }));
              changed();
            }}
          />
          <Button className="mt-4" onClick={() => preview.mutate()} disabled={preview.isPending}>
            {t("check")}
          </Button>
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
                <Th>{t("day")}</Th>
                <Th>{t("person")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("match")}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.data.rows.map((r) => (
                <tr key={r.row}>
                  <Td>{r.row}</Td>
                  <Td>{r.day ?? "—"}</Td>
                  <Td>{r.label || "—"}</Td>
                  <Td>{t(`statuses.${r.status}`)}</Td>
                  <Td>
                    <RowErrors errors={r.errors} />
                    {r.status === "matched" && r.candidates[0] && (
                      <span>
                        {(r.candidates.find((c) => c.id === r.decision) ?? r.candidates[0]).label} · {t("score", { score: percent((r.candidates.find((c) => c.id === r.decision) ?? r.candidates[0]).score) })}
                      </span>
                    )}
                    {r.sameAsRow !== undefined && <span className="text-slate-700">{t("sameAs", { row: r.sameAsRow })}</span>}
                    {(r.status === "uncertain" || r.decision) && (
                      <SelectField
                        id={`decision-${r.row}`}
                        name={`decision-${r.row}`}
                        label={t("decide")}
                        value={decisions[String(r.row)] ?? ""}
                        onChange={(e) => {
                          setDecisions((old) => ({ ...old, [String(r.row)]: e.target.value }));
                          commit.reset();
                        }}
                        options={[
                          { value: "", label: "—" },
                          ...r.candidates.map((c) => ({ value: c.id, label: `${c.label} · ${t("score", { score: percent(c.score) })}` })),
                          { value: "new", label: t("isNew") },
                        ]}
                      />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button onClick={() => commit.mutate()} disabled={commit.isPending || preview.data.counts.error > 0 || undecided}>
              {t("import")}
            </Button>
            {(preview.data.counts.error > 0 || undecided) && <span className="text-sm text-slate-800">{t("fixFirst")}</span>}
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("done", commit.data)}
        </p>
      )}
      {commit.isError && <ImportFailure error={commit.error as unknown as ApiError} />}
    </div>
  );
}
