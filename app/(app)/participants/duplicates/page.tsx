import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/list-page/paged-list";
import { listDuplicatePairs } from "@/lib/participants/duplicates";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { PairDecision } from "./pair-decision";

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await getPageContext();
  const { page: pageParam } = await searchParams;
  const page = unwrapForPage(await listDuplicatePairs(ctx, { page: pageParam }));
  const [t, format] = await Promise.all([getTranslations("participants"), getFormatter()]);
  const fullName = (p: { givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`.trim();
  return (
    <>
      <PageHeader title={t("duplicatesQueue")} />
      <p className="mb-4 text-sm text-slate-700">{t("queueExplain")}</p>
      <PagedList page={page} summary={t("pairCount", { count: page.total })} emptyMessage={t("queueEmpty")} basePath="/participants/duplicates" params={{}}>
        <ul className="flex flex-col gap-3">
          {page.items.map((pair) => (
            <li key={`${pair.first.id}-${pair.second.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="mb-2 grid gap-2 sm:grid-cols-2">
                {[pair.first, pair.second].map((p) => (
                  <div key={p.id}>
                    <Link href={`/participants/${p.id}`} className="font-medium">
                      {fullName(p)}
                    </Link>
                    <span className="block text-sm text-slate-600">{p.institutionName ?? "—"}</span>
                  </div>
                ))}
              </div>
              <p className="mb-3 text-sm">
                {t("matchScore", { score: format.number(pair.score, { style: "percent" }) })} · {pair.reasons.map((r) => t(`reasons.${r}`)).join(", ")}
              </p>
              <PairDecision first={{ id: pair.first.id, name: fullName(pair.first) }} second={{ id: pair.second.id, name: fullName(pair.second) }} />
            </li>
          ))}
        </ul>
      </PagedList>
    </>
  );
}
