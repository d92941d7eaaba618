import { html, SafeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import type { Translator } from "./translator";

export type PublicQuestion = { id: string; type: "single_choice" | "true_false" | "agreement" | "open"; text: string; choices: string[] };

export type Shown = {
  locale: Locale;
  t: Translator;
  title: string;
  /** The form to fill in; none once answers were received, or when the questionnaire is closed or unknown. */
  form: { formId: string; isTest: boolean; questions: PublicQuestion[]; levels: string[]; typed: Record<string, string>; errors: Record<string, string> } | null;
  /** What the respondent is told above the form, or instead of it. */
  notice: { tone: "done" | "refused"; text: string } | null;
  languages: { locale: Locale; label: string; href: string }[];
};

// Plain HTML and a few styles: the page loads no script at all, so a phone on a weak connection has nothing more to fetch.
const styles = `body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.5rem 0 1rem}
fieldset{border:1px solid #cbd5e1;border-radius:.5rem;background:#fff;margin:0 0 1rem;padding:.75rem}legend{font-weight:600;padding:0 .25rem}
label.option{display:flex;gap:.6rem;align-items:center;min-height:2.75rem}input[type=radio]{width:1.3rem;height:1.3rem}
input[type=text],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #64748b;border-radius:.375rem}
button{font:inherit;font-weight:600;background:#0f766e;color:#fff;border:0;border-radius:.375rem;padding:.8rem 1.4rem;min-height:2.75rem}
.notice{border-radius:.5rem;padding:.75rem;margin-bottom:1rem}.done{background:#ecfdf5;border:1px solid #6ee7b7}.refused{background:#fef2f2;border:1px solid #fca5a5}
.error{color:#991b1b;margin:.25rem 0 0}.hint{color:#334155;font-size:.9rem;margin:.25rem 0}nav a{margin-right:1rem;color:#0f766e}`;

function questionField(form: NonNullable<Shown["form"]>, q: PublicQuestion, i: number, t: Translator) {
  const name = `answer.${q.id}`;
  const error = form.errors[`answers.${q.id}`];
  const options = q.type === "true_false" ? [t("true"), t("false")] : q.type === "agreement" ? form.levels : q.choices;
  const first = q.type === "agreement" ? 1 : 0;
  const input =
    q.type === "open"
      ? html`<textarea name="${name}" id="q-${q.id}" rows="3" maxlength="2000">${form.typed[name] ?? ""}</textarea>`
      : options.map((label, j) => {
          const value = String(j + first);
          return html`<label class="option"><input type="radio" name="${name}" value="${value}"${form.typed[name] === value ? html` checked` : ""}>${label}</label>`;
        });
  const legend = html`<legend${q.type === "open" ? html` id="l-${q.id}"` : ""}>${i + 1}. ${q.text}</legend>`;
  return html`<fieldset${q.type === "open" ? html` aria-labelledby="l-${q.id}"` : ""}>${legend}${input}${error ? html`<p class="error">${error}</p>` : ""}</fieldset>`;
}

/** A questionnaire as a respondent's phone shows it: no account, no name asked, no script. */
export function questionnaireDocument({ locale, t, title, form, notice, languages }: Shown): string {
  const nav = html`<nav aria-label="${t("language")}">${languages.map((l) => html`<a href="${l.href}" lang="${l.locale}"${l.locale === locale ? html` aria-current="true"` : ""}>${l.label}</a>`)}</nav>`;
  const shownNotice = notice ? html`<div role="${notice.tone === "done" ? "status" : "alert"}" class="notice ${notice.tone}">${notice.text}</div>` : "";
  const pairing = form?.isTest
    ? html`<fieldset><legend>${t("pairingCode")}</legend><p class="hint" id="pairing-hint">${t("pairingCodeHint")}</p><input type="text" name="pairingCode" aria-label="${t("pairingCode")}" aria-describedby="pairing-hint" autocomplete="off" autocapitalize="characters" maxlength="20" value="${form.typed.pairingCode ?? ""}">${form.errors.pairingCode ? html`<p class="error">${form.errors.pairingCode}</p>` : ""}</fieldset>`
    : "";
  const body = form
    ? html`<form method="post"><input type="hidden" name="id" value="${form.formId}"><p class="hint">${t("anonymous")}</p>${pairing}${form.questions.map((q, i) => questionField(form, q, i, t))}<button type="submit">${t("send")}</button></form>`
    : "";
  return `<!DOCTYPE html>${html`<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${new SafeHtml(styles)}</style></head><body><main>${nav}<h1>${title}</h1>${shownNotice}${body}</main></body></html>`}`;
}
