import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { PageMessages } from "@/components/layout/page-messages";
import { getRequestContext } from "@/lib/request-context";
import { switchLocaleAction } from "../../actions";
import { ForgotForm } from "./forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

/** "Forgot your password?": asks for the account's address and mails it a one-time link. */
export default async function ForgotPasswordPage() {
  const { user } = await getRequestContext();
  if (user) redirect("/account");
  const t = await getTranslations("auth");
  return (
    <PageMessages namespaces={["auth"]}>
      <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
        <div className="flex items-center justify-between gap-2">
          <p className="text-xl font-bold text-teal-900">{t("brand")}</p>
          <LanguageSwitcher switchLocale={switchLocaleAction} />
        </div>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-2 text-2xl font-semibold">{t("forgotTitle")}</h1>
          <p className="mb-4 text-sm text-slate-700">{t("forgotIntro")}</p>
          <ForgotForm />
        </section>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </main>
    </PageMessages>
  );
}
