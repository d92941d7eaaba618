import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

type Props = { page: number; pageSize: number; total: number; basePath: string; params: Record<string, string | undefined> };

export async function Pagination({ page, pageSize, total, basePath, params }: Props) {
  const t = await getTranslations("common");
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set("page", String(target));
    return `${basePath}?${query}`;
  };
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
      <span>{t("pageOf", { page, pageCount })}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={buttonClass("secondary")} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        )}
        {page < pageCount && (
          <Link className={buttonClass("secondary")} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        )}
      </span>
    </nav>
  );
}
