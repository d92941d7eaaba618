import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { suggestCode } from "@/lib/logic-model/codes";
import { childLevel } from "@/lib/logic-model/levels";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createResultAction } from "../actions";
import { ResultForm } from "../_components/result-form";

/** A new result under the one named by `?parentId=`, or the ultimate outcome; the code is suggested. */
export default async function NewResultPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ parentId?: string }> }) {
  const [{ projectId }, { parentId }] = await Promise.all([params, searchParams]);
  const ctx = await getPageContext();
  const { results, canEdit } = unwrapForPage(await getLogicModel(ctx, { projectId }));
  if (!canEdit) notFound();
  const parent = parentId ? results.find((r) => r.id === parentId) : null;
  if (parent === undefined) notFound();
  const level = parent ? childLevel[parent.level] : "ultimate";
  if (!level) notFound();
  const t = await getTranslations("logicModel");
  const siblings = results.filter((r) => r.parentId === (parent?.id ?? null)).map((r) => r.code);
  const code = suggestCode(level, parent?.code ?? null, siblings, new Set(results.map((r) => r.code)));
  return (
    <PageMessages namespaces={["logicModel"]}>
      <PageHeader title={t(`add.${level}`)} />
      {parent && (
        <p className="mb-4 text-slate-700">
          {t("parent")} {parent.code}
        </p>
      )}
      <ResultForm
        action={createResultAction}
        projectId={projectId}
        parentId={parent?.id ?? null}
        parents={[]}
        suggestedCode={code}
        cancelHref={`/projects/${projectId}/logic-model`}
      />
    </PageMessages>
  );
}
