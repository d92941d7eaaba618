import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/layout/query-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { getPageContext } from "@/lib/request-context";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user } = await getPageContext();
  const t = await getTranslations("account");
  return (
    <>
      <SiteHeader user={user} />
      {user.mustChangePassword && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          {t("mustChangePassword")} <Link href="/account">{t("changePasswordNow")}</Link>
        </p>
      )}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
