import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { usableSignInLink } from "@/lib/auth/sign-in-routes";
import { SetPasswordForm } from "./set-password-form";

export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations("auth"), usableSignInLink(token)]);
  return (
    <PageMessages namespaces={["auth"]}>
      <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-2xl font-semibold">{t("linkTitle")}</h1>
          {link ? (
            <>
              <p className="mb-4">{t("linkWelcome", { name: link.name })}</p>
              <SetPasswordForm token={token} email={link.email} />
            </>
          ) : (
            <p role="alert">
              {t("linkInvalid")} <Link href="/sign-in">{t("backToSignIn")}</Link>
            </p>
          )}
        </section>
      </main>
    </PageMessages>
  );
}
