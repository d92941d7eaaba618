import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/db/schema/values";
import { narrativeFor } from "@/lib/findings/narrative";
import { getPortfolio } from "@/lib/projects/portfolio";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** The administrator's view of every project side by side. */
export default async function PortfolioPage() {
  const ctx = await getPageContext();
  const rows = unwrapForPage(await getPortfolio(ctx, {}));
  const [t, td, format, locale] = await Promise.all([getTranslations("portfolio"), getTranslations("dashboard"), getFormatter(), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} />
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
              <Td>{p.participants ? format.number(p.women / p.participants, { style: "percent" }) : "—"}</Td>
              <Td>{format.number(p.institutions)}</Td>
              <Td>{format.number(p.findings)}</Td>
              <Td>
                {format.number(p.actions)}
                {p.overdueActions > 0 && <span className="block text-xs text-red-800">{`${t("overdue")} ${p.overdueActions}`}</span>}
              </Td>
              <Td>
                {p.pinned.map((f, i) => (
                  <span key={i} className="block text-xs">
                    {f.figure.percent === null ? td("tooFewPhrase", { n: f.figure.n }) : `${f.figure.percent} % / ${f.figure.n}`} — {narrativeFor(f.statement, locale as Locale).text}
                  </span>
                ))}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
