import type { Locale } from "@/db/schema";
import { html } from "@/lib/html";
import { wordingFor } from "@/lib/i18n/wording";

/** What a message says, in its recipient's words: a greeting, paragraphs, and at most one link to act on. */
export type MailContent = { subject: string; paragraphs: string[]; action?: { label: string; url: string } };

export type ComposedMail = { subject: string; text: string; html: string };

/**
 * A message as plain text and HTML, both with the app's name, a link back and the link to the
 * account page where the recipient chooses what they receive. Every value is escaped in the HTML.
 */
export function composeMail(locale: Locale, name: string, origin: string, content: MailContent): ComposedMail {
  const { t } = wordingFor(locale);
  const greeting = t("mail.greeting", { name });
  const accountUrl = `${origin}/account`;
  const footer = [t("mail.footer", { app: t("app.name"), url: origin }), t("mail.preferences", { url: accountUrl })];
  const text = [
    greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    "—",
    ...footer,
  ].join("\n");
  const body = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${content.subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${greeting}</p>
${content.paragraphs.map((p) => html`<p>${p}</p>`)}
${content.action ? html`<p><a href="${content.action.url}" style="color: #115e59; font-weight: 600">${content.action.label}</a></p>` : ""}
<hr>
<p style="font-size: 0.875rem; color: #334155"><a href="${origin}">${t("app.name")}</a><br><a href="${accountUrl}">${t("mail.preferencesLink")}</a></p>
</body></html>`;
  return { subject: content.subject, text, html: body.value };
}
