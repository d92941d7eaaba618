import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { OfflineSync } from "@/components/offline/offline-sync";
import { QueryProvider } from "@/components/layout/query-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { holdsInSomeProject } from "@/lib/authz";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { getPageContext } from "@/lib/request-context";
import { switchLocaleAction } from "../actions";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page decides for itself; this layout also frames the account page, where a temporary password is replaced.
  const ctx = await getPageContext({ allowsTemporaryPassword: true });
  const { user } = ctx;
  const [t, permissions, recordsAttendance] = await Promise.all([getTranslations("account"), getDirectoryPermissions(ctx, {}), holdsInSomeProject(ctx, "attendance.record")]);
  return (
    <>
      <SiteHeader
        user={user}
        seesDirectory={permissions.ok}
        seesParticipants={permissions.ok && permissions.data.canEdit}
        signOut={signOutAction}
        switchLocale={switchLocaleAction}
      />
      <OfflineSync userId={user.id} showsStatus={recordsAttendance} />
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
