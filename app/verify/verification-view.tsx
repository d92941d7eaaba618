import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { verifyCertificate } from "@/lib/certificates/verification";
import { calendarDate } from "@/lib/i18n/dates";
import { getRequestContext } from "@/lib/request-context";
import { switchLocaleAction } from "../actions";

/**
 * The public verification page (the target of a certificate's QR code): a form to type a code,
 * and, for a code given, what the verification allows to say. No account, no names.
 */
export async function VerificationView({ code }: { code: string | undefined }) {
  const [t, format] = await Promise.all([getTranslations("certificates.verify"), getFormatter()]);
  const result = code === undefined ? null : await verifyCertificate((await getRequestContext()).db, { code }, clientAddressFrom(await headers()));
  const answer = (() => {
    if (!result) return null;
    if (!result.ok) return { tone: "refused", text: result.error === "too_many" ? t("tooMany") : t("unknown") };
    const { status, workshop, initials } = result.data;
    if (status === "valid" && workshop) {
      const period = format.dateTimeRange(calendarDate(workshop.startDate), calendarDate(workshop.endDate), { dateStyle: "long" });
      return { tone: "valid", title: t("valid"), text: t("validDetail", { initials: initials ?? "", title: workshop.title, period }) };
    }
    return { tone: "refused", text: status === "revoked" ? t("revoked") : t("unknown") };
  })();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center justify-end">
        <LanguageSwitcher switchLocale={switchLocaleAction} />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
        {answer && (
          <div
            role="status"
            className={answer.tone === "valid" ? "mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3" : "mb-4 rounded-md border border-red-300 bg-red-50 p-3"}
          >
            {answer.title && <p className="font-semibold">{answer.title}</p>}
            <p>{answer.text}</p>
          </div>
        )}
        <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
        <form method="get" action="/verify" className="flex flex-wrap items-end gap-2">
          <TextField name="code" label={t("code")} defaultValue={code ?? ""} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} />
          <Button type="submit">{t("check")}</Button>
        </form>
      </section>
    </main>
  );
}
