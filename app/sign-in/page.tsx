import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { usableDemoAccounts } from "@/lib/auth/sign-in-routes";
import { getRequestContext } from "@/lib/request-context";
import { SignInForm } from "./sign-in-form";
import { PageMessages } from "@/components/layout/page-messages";
import { SignInShell } from "./sign-in-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; changed?: string }> }) {
  const { user } = await getRequestContext();
  if (user) redirect("/projects");
  const [t, tRoles, { callbackUrl, changed }, demoAccounts] = await Promise.all([getTranslations("auth"), getTranslations("roles"), searchParams, usableDemoAccounts()]);
  return (
    <PageMessages namespaces={["auth"]}>
      <SignInShell>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-2xl font-semibold">{t("signInTitle")}</h1>
          {changed && (
            <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
              {t("passwordChanged")}
            </p>
          )}
          <SignInForm callbackUrl={callbackUrl} />
        </section>
        {demoAccounts.length > 0 && (
          <section aria-labelledby="demo-accounts" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
            <h2 id="demo-accounts" className="mb-2 font-semibold">
              {t("demoAccounts")}
            </h2>
            <p className="mb-2">{t("demoPassword", { password: demoAccounts[0]!.password })}</p>
            <ul className="flex flex-col gap-1">
              {demoAccounts.map((a) => (
                <li key={a.email}>
                  <code>{a.email}</code> — {tRoles(a.role)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </SignInShell>
    </PageMessages>
  );
}
