"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ImportWizard, useImportWizard, type Mapping } from "@/components/imports/import-wizard";
import { RowErrors } from "@/components/imports/row-errors";
import { apiFetch } from "@/lib/http/api-fetch";
import { guessResponseMapping, type ResponseMapping } from "@/lib/imports/evaluation-mapping";
import type { commitResponseImport, previewResponseImport } from "@/lib/imports/evaluations";

type Props = { projectId: string; evaluationId: string; statements: { key: string; label: string }[] };

/** The wizard maps one flat list of fields (the group, the submission id, then each statement); the API takes them apart. */
function toResponseMapping({ group = null, externalId = null, ...statements }: Mapping): ResponseMapping {
  return { group, externalId, statements };
}

/** Upload a survey export → check which column holds what → see each row → import all or nothing. */
export function ResponseImport({ projectId, evaluationId, statements }: Props) {
  const t = useTranslations("evaluations");
  const router = useRouter();
  const params = { projectId, evaluationId };
  const wizard = useImportWizard({
    preview: (body) => apiFetch<typeof previewResponseImport>("POST /projects/{projectId}/evaluations/{evaluationId}/import/preview", { params, body }),
    commit: (body) => apiFetch<typeof commitResponseImport>("POST /projects/{projectId}/evaluations/{evaluationId}/import/commit", { params, body }),
    guess: (sheet) => {
      const guessed = guessResponseMapping(
        sheet.headers,
        statements.map((s) => s.key),
      );
      return { group: guessed.group, externalId: guessed.externalId, ...guessed.statements };
    },
    body: (mapping) => ({ mapping: toResponseMapping(mapping) }),
    onCommitted: () => router.refresh(),
  });
  const labels = { group: t("groupColumn"), externalId: t("idColumn"), ...Object.fromEntries(statements.map((s) => [s.key, s.label])) };
  return (
    <section aria-labelledby="response-import" className="mb-6 flex flex-col gap-4">
      <h2 id="response-import" className="text-lg font-semibold">
        {t("import")}
      </h2>
      <p className="text-sm text-slate-700">{t("importHelp")}</p>
      <ImportWizard
        wizard={wizard}
        fields={["group", "externalId", ...statements.map((s) => s.key)]}
        labels={labels}
        headingLevel="h3"
        mappingNote={
          wizard.mapping.externalId === null && (
            <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
              {t("noIdColumn")}
            </p>
          )
        }
        columns={[
          { header: t("row"), cell: (r) => r.row },
          { header: t("respondent"), cell: (r) => r.label },
          {
            header: t("status"),
            cell: (r) => (
              <>
                {t(`statuses.${r.status}`)}
                <RowErrors errors={r.errors} labels={labels} />
              </>
            ),
          },
        ]}
        text={{
          check: t("check"),
          preview: t("preview"),
          counts: (counts) => t("counts", counts),
          commit: t("importNow"),
          fixFirst: t("fixFirst"),
          done: (result) => t("done", result),
        }}
      />
    </section>
  );
}
