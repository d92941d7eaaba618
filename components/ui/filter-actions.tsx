import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/** Apply (and, when filters are on, clear) at the end of a list's filter form. */
export async function FilterActions({ resetHref, hasFilters }: { resetHref: string; hasFilters: boolean }) {
  const t = await getTranslations("common");
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass("primary")}>
        {t("apply")}
      </button>
      {hasFilters && (
        <Link href={resetHref} className={buttonClass("ghost")}>
          {t("reset")}
        </Link>
      )}
    </div>
  );
}
