import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/request-context";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  const { user } = await getPageContext({ allowsTemporaryPassword: true });
  const [t, tLanguage] = await Promise.all([getTranslations("account"), getTranslations("language")]);
  return (
    <PageMessages namespaces={["account"]}>
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
    </PageMessages>
  );
}
