import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api-tokens/use-cases";
import { getPageContext } from "@/lib/request-context";
import { getCalendarFeed } from "@/lib/calendar/feed";
import { ApiTokens } from "./api-tokens";
import { CalendarFeed } from "./calendar-feed";
import { SecondFactor } from "./second-factor";
import { MailPreferences } from "./mail-preferences";
import { getMailPreferences } from "@/lib/mail/preferences";
import { getSecondFactor } from "@/lib/account/second-factor";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  const ctx = await getPageContext({ allowsTemporaryPassword: true });
  const { user } = ctx;
  const [t, tLanguage, tTokens, tCalendar, tSecond, tMail] = await Promise.all([
    getTranslations("account"),
    getTranslations("language"),
    getTranslations("apiTokens"),
    getTranslations("calendar"),
    getTranslations("secondFactor"),
    getTranslations("mailPreferences"),
  ]);
  // Until a temporary password is replaced, no use case runs, so there are no tokens to show.
  const [tokens, calendar, secondFactor, mail] = user.mustChangePassword
    ? [null, null, null, null]
    : await Promise.all([listApiTokens(ctx, {}), getCalendarFeed(ctx, {}), getSecondFactor(ctx, {}), getMailPreferences(ctx, {})]);
  return (
    <PageMessages namespaces={["account", "apiTokens", "calendar", "secondFactor", "mailPreferences"]}>
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
      {mail?.ok && (
        <section aria-labelledby="mail-preferences" className="mt-8">
          <h2 id="mail-preferences" className="mb-3 text-lg font-semibold">
            {tMail("title")}
          </h2>
          <MailPreferences receives={mail.data.receives} />
        </section>
      )}
      {secondFactor?.ok && (
        <section aria-labelledby="second-factor" className="mt-8">
          <h2 id="second-factor" className="mb-3 text-lg font-semibold">
            {tSecond("title")}
          </h2>
          <SecondFactor on={secondFactor.data.on} recoveryCodesLeft={secondFactor.data.recoveryCodesLeft} />
        </section>
      )}
      {calendar?.ok && (
        <section aria-labelledby="calendar-feed" className="mt-8">
          <h2 id="calendar-feed" className="mb-3 text-lg font-semibold">
            {tCalendar("title")}
          </h2>
          <CalendarFeed createdAt={calendar.data.createdAt} />
        </section>
      )}
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
