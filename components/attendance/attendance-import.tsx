"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ImportWizard, useImportWizard } from "@/components/imports/import-wizard";
import { RowErrors } from "@/components/imports/row-errors";
import { SelectField, type Option } from "@/components/ui/field";
import { type ApiAnswer, apiFetch } from "@/lib/http/api-fetch";
import type { commitAttendanceImport, previewAttendanceImport } from "@/lib/imports/attendance";
import { attendanceImportFields } from "@/lib/imports/fields";

type Props = { projectId: string; workshopId: string; days: Option[]; initialDay: string };
type Row = ApiAnswer<typeof previewAttendanceImport>["rows"][number];

/** Upload a filled sign-in sheet → map columns → see each row's match → decide the unsure ones → import all or nothing. */
export function AttendanceImport({ projectId, workshopId, days, initialDay }: Props) {
  const t = useTranslations("attendanceImport");
  const format = useFormatter();
  const [day, setDay] = useState(initialDay);
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const params = { projectId, workshopId };
  const wizard = useImportWizard({
    preview: (body) => apiFetch<typeof previewAttendanceImport>("POST /projects/{projectId}/workshops/{workshopId}/import/preview", { params, body }),
    commit: (body) => apiFetch<typeof commitAttendanceImport>("POST /projects/{projectId}/workshops/{workshopId}/import/commit", { params, body }),
    guess: (sheet) => sheet.guesses.attendance,
    body: () => ({ day, decisions }),
    onRead: () => setDecisions({}),
  });
  const percent = (score: number) => format.number(score, { style: "percent" });
  const undecided = wizard.preview.data?.rows.some((r) => r.status === "uncertain" && !decisions[String(r.row)]) ?? true;
  const shownMatch = (r: Row) => r.candidates.find((c) => c.id === r.decision) ?? r.candidates[0];

  const matchCell = (r: Row) => {
    const match = shownMatch(r);
    return (
      <>
        <RowErrors errors={r.errors} />
        {r.status === "matched" && match && (
          <span>
            {match.label} · {t("score", { score: percent(match.score) })}
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
              wizard.commit.reset();
            }}
            options={[
              { value: "", label: "—" },
              ...r.candidates.map((c) => ({ value: c.id, label: `${c.label} · ${t("score", { score: percent(c.score) })}` })),
              { value: "new", label: t("isNew") },
            ]}
          />
        )}
      </>
    );
  };

  return (
    <ImportWizard
      wizard={wizard}
      fields={attendanceImportFields}
      settings={
        <SelectField
          name="day"
          label={t("defaultDay")}
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            wizard.changed();
          }}
          options={days}
        />
      }
      columns={[
        { header: t("row"), cell: (r) => r.row },
        { header: t("day"), cell: (r) => r.day ?? "—" },
        { header: t("person"), cell: (r) => r.label || "—" },
        { header: t("status"), cell: (r) => t(`statuses.${r.status}`) },
        { header: t("match"), cell: matchCell },
      ]}
      isBlocked={undecided}
      text={{
        check: t("check"),
        preview: t("preview"),
        counts: (counts) => t("counts", counts),
        commit: t("import"),
        fixFirst: t("fixFirst"),
        done: (result) => t("done", result),
      }}
    />
  );
}
