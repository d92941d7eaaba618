"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";
import { SubmitButton } from "./submit-button";

/** Save and Cancel at the foot of every edit form. */
export function FormActions({ cancelHref }: { cancelHref: string }) {
  const t = useTranslations("common");
  return (
    <div className="flex gap-2">
      <SubmitButton>{t("save")}</SubmitButton>
      <Link href={cancelHref} className={buttonClass("secondary")}>
        {t("cancel")}
      </Link>
    </div>
  );
}
