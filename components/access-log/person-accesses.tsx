import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listPersonAccesses } from "@/lib/access-log/use-cases";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { AccessTable } from "./access-table";

const shown = 50;

/** Who accessed one person's data, on their personal-data page: the latest accesses, the rest in the administrator's log. */
export async function PersonAccesses({ participantId }: { participantId: string }) {
  const ctx = await getPageContext();
  const page = unwrapForPage(await listPersonAccesses(ctx, { participantId, pageSize: shown }));
  const t = await getTranslations("accessLog");
  return (
    <section className="mt-8" aria-labelledby="person-accesses">
      <h2 id="person-accesses" className="mb-2 text-lg font-semibold">
        {t("personTitle")}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{t("personExplain")}</p>
      {page.items.length === 0 ? (
        <EmptyState message={t("personEmpty")} />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">{page.total > shown ? t("personLatest", { shown, count: page.total }) : t("count", { count: page.total })}</p>
          <AccessTable rows={page.items} caption={t("personTitle")} />
        </>
      )}
      {can(globalAccess(ctx.user), "administration") && (
        <p className="mt-2 text-sm">
          <Link href={`/admin/access-log?participantId=${participantId}`}>{t("personInLog")}</Link>
        </p>
      )}
    </section>
  );
}
