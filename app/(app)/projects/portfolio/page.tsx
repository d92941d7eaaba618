import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PinnedFigurePhrase } from "@/components/evaluations/pinned-figure-phrase";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { percentOf } from "@/lib/evaluations/results";
import { narrativeFor } from "@/lib/narrative";
import { getPortfolio } from "@/lib/reports/portfolio";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** The administrator's view of every project side by side. */
export default async function PortfolioPage() {
  const ctx = await getPageContext();
  const rows = unwrapForPage(await getPortfolio(ctx, {}));
  const [t, format, locale] = await Promise.all([getTranslations("portfolio"), getFormatter(), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} />
      {rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("project")}</Th>
              <Th>{t("workshops")}</Th>
              <Th>{t("people")}</Th>
              <Th>{t("women")}</Th>
              <Th>{t("institutions")}</Th>
              <Th>{t("findings")}</Th>
              <Th>{t("actions")}</Th>
              <Th>{t("figures")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/projects/${p.id}`}>{p.code}</Link>
                  <span className="block text-xs text-slate-700">{p.name}</span>
                </Td>
                <Td>{format.number(p.workshopsHeld)}</Td>
                <Td>{format.number(p.participants)}</Td>
                <Td>{p.participants ? format.number(percentOf(p.women, p.participants) / 100, { style: "percent" }) : "—"}</Td>
                <Td>{format.number(p.institutions)}</Td>
                <Td>{format.number(p.findings)}</Td>
                <Td>
                  {format.number(p.actions)}
                  {p.overdueActions > 0 && <span className="block text-xs text-red-800">{t("overdue", { count: p.overdueActions })}</span>}
                </Td>
                <Td>
                  {p.pinned.map((f, i) => (
                    <span key={i} className="block text-xs">
                      <PinnedFigurePhrase pinned={f} /> — {narrativeFor(f.statement, locale).text}
                    </span>
                  ))}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
