"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ImportWizard, useImportWizard } from "@/components/imports/import-wizard";
import { RowErrors } from "@/components/imports/row-errors";
import { apiFetch } from "@/lib/http/api-fetch";
import type { commitPmfImport, previewPmfImport } from "@/lib/imports/pmf";
import { pmfColumns } from "@/lib/indicators/pmf-document";

/** Upload a PMF in GAC's layout (headers in any of the three languages) → see each row → import all or nothing. */
export function PmfImport({ projectId }: { projectId: string }) {
  const t = useTranslations("pmf");
  const router = useRouter();
  // A period's figures are refused under their own header ("2019-2020 · actual"); the other fields under their column's.
  const labels = Object.fromEntries(pmfColumns.map((c) => [c, t(`columns.${c}`)]));
  const params = { projectId };
  const wizard = useImportWizard({
    preview: (body) => apiFetch<typeof previewPmfImport>("POST /projects/{projectId}/pmf/import/preview", { params, body }),
    commit: (body) => apiFetch<typeof commitPmfImport>("POST /projects/{projectId}/pmf/import/commit", { params, body }),
    // The columns are found by their headers, in whichever language the file is.
    guess: () => ({}),
    onCommitted: () => router.refresh(),
  });
  return (
    <ImportWizard
      wizard={wizard}
      fields={[]}
      columns={[
        { header: t("importRow"), cell: (r) => r.row },
        { header: t("importLine"), cell: (r) => r.label },
        {
          header: t("importStatus"),
          cell: (r) => (
            <>
              {t(`importStatuses.${r.status as "new"}`)}
              <RowErrors errors={r.errors} labels={labels} />
            </>
          ),
        },
      ]}
      text={{
        check: t("importCheck"),
        preview: t("importPreview"),
        counts: (counts) => t("importCounts", counts),
        commit: t("importNow"),
        fixFirst: t("importFixFirst"),
        done: (result) => t("importDone", result),
      }}
    />
  );
}
