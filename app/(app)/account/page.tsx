import type { ReactNode } from "react";
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
        <AccountSection id="mail-preferences" title={tMail("title")}>
          <MailPreferences receives={mail.data.receives} />
        </AccountSection>
      )}
      {secondFactor?.ok && (
        <AccountSection id="second-factor" title={tSecond("title")}>
          <SecondFactor on={secondFactor.data.on} recoveryCodesLeft={secondFactor.data.recoveryCodesLeft} />
        </AccountSection>
      )}
      {calendar?.ok && (
        <AccountSection id="calendar-feed" title={tCalendar("title")}>
          <CalendarFeed createdAt={calendar.data.createdAt} />
        </AccountSection>
      )}
      {tokens?.ok && (
        <AccountSection id="api-tokens" title={tTokens("title")}>
          <ApiTokens tokens={tokens.data} />
        </AccountSection>
      )}
    </PageMessages>
  );
}

/** One part of the account page below the password: a titled region. */
function AccountSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
