import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api-tokens/use-cases";
import { getPageContext } from "@/lib/request-context";
import { ApiTokens } from "./api-tokens";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  const ctx = await getPageContext({ allowsTemporaryPassword: true });
  const { user } = ctx;
  const [t, tLanguage, tTokens] = await Promise.all([getTranslations("account"), getTranslations("language"), getTranslations("apiTokens")]);
  // Until a temporary password is replaced, no use case runs, so there are no tokens to show.
  const tokens = user.mustChangePassword ? null : await listApiTokens(ctx, {});
  return (
    <PageMessages namespaces={["account", "apiTokens"]}>
      <PageHeader title={t("title")} />
      <dl className="mb-8 grid max-w-md gap-3">
        <div>
          <dt className="text-sm text-slate-600">{t("name")}</dt>
          <dd className="font-medium">{user.name}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("email")}</dt>
          <dd className="font-medium">{user.email}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("language")}</dt>
          <dd className="font-medium">{tLanguage(user.locale)}</dd>
        </div>
      </dl>
      <h2 className="mb-3 text-lg font-semibold">{t("changePassword")}</h2>
      <ChangePasswordForm email={user.email} />
      {tokens?.ok && (
        <section aria-labelledby="api-tokens" className="mt-8">
          <h2 id="api-tokens" className="mb-3 text-lg font-semibold">
            {tTokens("title")}
          </h2>
          <ApiTokens tokens={tokens.data} />
        </section>
      )}
    </PageMessages>
  );
}
