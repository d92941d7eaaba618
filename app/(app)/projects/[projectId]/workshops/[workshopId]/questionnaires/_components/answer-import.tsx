"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ImportWizard, useImportWizard, type Mapping } from "@/components/imports/import-wizard";
import { RowErrors } from "@/components/imports/row-errors";
import { apiFetch } from "@/lib/http/api-fetch";
import { guessQuestionnaireMapping, type QuestionnaireMapping } from "@/lib/imports/questionnaire-mapping";
import type { commitQuestionnaireImport, previewQuestionnaireImport } from "@/lib/imports/questionnaires";

type Props = {
  projectId: string;
  workshopId: string;
  questionnaireId: string;
  /** Each question with its wording in the reader's language (the label) and in every language written (to find its column). */
  questions: { id: string; label: string; texts: string[] }[];
  isTest: boolean;
};

/** The wizard maps one flat list of fields (the submission id, the pairing code, then each question); the API takes them apart. */
function toQuestionnaireMapping({ externalId = null, pairingCode = null, ...questions }: Mapping): QuestionnaireMapping {
  return { externalId, pairingCode, questions };
}

/** Upload a survey export (KoboToolbox's as it is) → check which column holds what → see each row → import all or nothing. */
export function AnswerImport({ projectId, workshopId, questionnaireId, questions, isTest }: Props) {
  const t = useTranslations("questionnaires");
  const router = useRouter();
  const params = { projectId, workshopId, questionnaireId };
  const wizard = useImportWizard({
    preview: (body) =>
      apiFetch<typeof previewQuestionnaireImport>("POST /projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/import/preview", { params, body }),
    commit: (body) =>
      apiFetch<typeof commitQuestionnaireImport>("POST /projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/import/commit", { params, body }),
    guess: (sheet) => {
      const guessed = guessQuestionnaireMapping(sheet.headers, questions);
      return { externalId: guessed.externalId, pairingCode: guessed.pairingCode, ...guessed.questions };
    },
    body: (mapping) => ({ mapping: toQuestionnaireMapping(mapping) }),
    onCommitted: () => router.refresh(),
  });
  const labels = { externalId: t("idColumn"), pairingCode: t("pairingCode"), ...Object.fromEntries(questions.map((q) => [q.id, q.label])) };
  return (
    <section aria-labelledby="answer-import" className="mt-8 flex flex-col gap-4">
      <h2 id="answer-import" className="text-lg font-semibold">
        {t("import")}
      </h2>
      <p className="text-sm text-slate-700">{t(isTest ? "importHelpTest" : "importHelp")}</p>
      <ImportWizard
        wizard={wizard}
        fields={["externalId", "pairingCode", ...questions.map((q) => q.id)]}
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
