"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ImportWizard, useImportWizard } from "@/components/imports/import-wizard";
import { RowErrors } from "@/components/imports/row-errors";
import { SelectField, type Option } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/api-fetch";
import type { commitInstitutionImport, previewInstitutionImport } from "@/lib/imports/institutions";
import { institutionImportFields, participantImportFields } from "@/lib/imports/fields";
import type { commitParticipantImport, previewParticipantImport } from "@/lib/imports/participants";

type Kind = "participants" | "institutions";

/** Participants (into a project) or institutions, from a spreadsheet, through the shared import steps. */
export function DirectoryImport({ projects }: { projects: Option[] }) {
  const t = useTranslations("imports");
  const [kind, setKind] = useState<Kind>("participants");
  const [projectId, setProjectId] = useState(projects[0]?.value ?? "");
  const wizard = useImportWizard({
    preview: (body) =>
      kind === "participants"
        ? apiFetch<typeof previewParticipantImport>("POST /participants/import/preview", { body })
        : apiFetch<typeof previewInstitutionImport>("POST /institutions/import/preview", { body }),
    commit: (body) =>
      kind === "participants"
        ? apiFetch<typeof commitParticipantImport>("POST /participants/import/commit", { body })
        : apiFetch<typeof commitInstitutionImport>("POST /institutions/import/commit", { body }),
    guess: (sheet) => sheet.guesses[kind],
    body: () => (kind === "participants" ? { projectId } : {}),
  });

  const changeKind = (next: Kind) => {
    setKind(next);
    if (wizard.sheet) wizard.setMapping(wizard.sheet.guesses[next]);
    wizard.changed();
  };

  return (
    <ImportWizard
      wizard={wizard}
      fields={kind === "participants" ? participantImportFields : institutionImportFields}
      settings={
        <>
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
          {kind === "participants" && <SelectField name="projectId" label={t("project")} value={projectId} onChange={(e) => setProjectId(e.target.value)} options={projects} />}
        </>
      }
      columns={[
        { header: t("row"), cell: (r) => r.row },
        { header: t("record"), cell: (r) => r.label || "—" },
        { header: t("status"), cell: (r) => t(`statuses.${r.status}`) },
        {
          header: t("details"),
          cell: (r) => (
            <>
              <RowErrors errors={r.errors} />
              {r.match && <span className="text-slate-700">{t("alreadyThere", { name: r.match.label })}</span>}
            </>
          ),
        },
      ]}
      text={{
        check: t("check"),
        preview: t("preview"),
        counts: (counts) => t("counts", counts),
        commit: t("import", { count: wizard.preview.data?.counts.new ?? 0 }),
        fixFirst: t("fixFirst"),
        done: (result) => t("done", result),
      }}
    />
  );
}
