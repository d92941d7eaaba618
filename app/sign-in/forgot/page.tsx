import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getRequestContext } from "@/lib/request-context";
import { PageMessages } from "@/components/layout/page-messages";
import { SignInShell } from "../sign-in-shell";
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
      <SignInShell>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-2 text-2xl font-semibold">{t("forgotTitle")}</h1>
          <p className="mb-4 text-sm text-slate-700">{t("forgotIntro")}</p>
          <ForgotForm />
        </section>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </SignInShell>
    </PageMessages>
  );
}
