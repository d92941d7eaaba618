import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NarrativeText } from "@/components/narrative-text";
import { PageMessages } from "@/components/layout/page-messages";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ExpectedResult } from "@/db/schema";
import { childLevel } from "@/lib/logic-model/levels";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { ResultActions } from "./_components/result-actions";

/** The project's results chain as a tree everyone in the project reads; a manager builds it here. */
export default async function LogicModelPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await getPageContext();
  const { results, canEdit } = unwrapForPage(await getLogicModel(ctx, { projectId }));
  const [t, tIndicators] = await Promise.all([getTranslations("logicModel"), getTranslations("indicators")]);
  const base = `/projects/${projectId}/logic-model`;
  const childrenOf = (parentId: string | null) => results.filter((r) => r.parentId === parentId);

  const tree = (items: ExpectedResult[]) => (
    <ul className="flex flex-col gap-3">
      {items.map((r, i) => {
        const below = childLevel[r.level];
        const children = childrenOf(r.id);
        return (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-baseline gap-2">
              <Link href={`${base}/${r.id}`} className="font-mono text-sm font-semibold text-slate-900 underline" aria-label={t("view", { code: r.code })}>
                {r.code}
              </Link>
              <Badge>{t(`levels.${r.level}`)}</Badge>
            </div>
            <p className="mt-1 text-slate-900">
              <NarrativeText text={r.statement} as="title" />
            </p>
            {canEdit && (
              <div className="mt-2 flex flex-wrap items-start gap-2">
                <ButtonLink href={`${base}/${r.id}/edit`} variant="secondary" aria-label={`${t("edit")} ${r.code}`}>
                  {t("edit")}
                </ButtonLink>
                {below && (
                  <ButtonLink href={`${base}/new?parentId=${r.id}`} variant="secondary">
                    {t(`add.${below}`)}
                  </ButtonLink>
                )}
                <ResultActions projectId={projectId} resultId={r.id} code={r.code} first={i === 0} last={i === items.length - 1} />
              </div>
            )}
            {children.length > 0 && <div className="mt-3 border-l-2 border-slate-200 pl-3">{tree(children)}</div>}
          </li>
        );
      })}
    </ul>
  );

  const roots = childrenOf(null);
  return (
    <PageMessages namespaces={["logicModel"]}>
      <PageHeader title={t("title")} actions={canEdit && roots.length === 0 && <ButtonLink href={`${base}/new`}>{t("add.ultimate")}</ButtonLink>} />
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <p className="mb-4">
        <Link href={`/projects/${projectId}/periods`} className="underline">
          {tIndicators("periods")}
        </Link>
      </p>
      {roots.length === 0 ? <EmptyState message={t("empty")} /> : tree(roots)}
    </PageMessages>
  );
}
