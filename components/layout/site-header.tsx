import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, globalAccess } from "@/lib/policy";
import type { SessionUser } from "@/lib/session-user";
import { SignOutForm } from "@/components/offline/sign-out-form";
import { LanguageSwitcher } from "./language-switcher";

type Props = {
  user: SessionUser;
  seesDirectory: boolean;
  seesParticipants: boolean;
  /** The server actions the header's forms send to, which live with the routes (app/). */
  signOut: () => Promise<void>;
  switchLocale: (formData: FormData) => Promise<void>;
};

export async function SiteHeader({ user, seesDirectory, seesParticipants, signOut, switchLocale }: Props) {
  const t = await getTranslations("nav");
  const links = [
    { href: "/projects", label: t("projects") },
    ...(seesDirectory
      ? [
          { href: "/institutions", label: t("institutions") },
          { href: "/bodies", label: t("bodies") },
        ]
      : []),
    ...(seesParticipants
      ? [
          { href: "/participants", label: t("participants") },
          { href: "/imports", label: t("imports") },
        ]
      : []),
    ...(can(globalAccess(user), "administration")
      ? [
          { href: "/admin/users", label: t("users") },
          { href: "/admin/audit", label: t("audit") },
          { href: "/admin/access-log", label: t("accessLog") },
          { href: "/admin/retention", label: t("retention") },
          { href: "/admin/mail", label: t("outgoingMail") },
        ]
      : []),
    { href: "/account", label: t("account") },
  ];
  // No link here is prefetched: every page is rendered per request and none has a loading state, so a
  // prefetch fetches next to nothing ahead, yet it costs each page's start-up a task per visible link
  // (the route's fetch and decoding, measured on the check-in and participants screens, issue 15).
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/projects" prefetch={false} className="text-lg font-bold text-teal-900 no-underline">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} prefetch={false} className="text-slate-800 no-underline hover:underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <span className="hidden text-sm text-slate-700 md:inline">{user.name}</span>
          <LanguageSwitcher switchLocale={switchLocale} />
          <SignOutForm signOut={signOut} label={t("signOut")} />
        </div>
      </div>
    </header>
  );
}
