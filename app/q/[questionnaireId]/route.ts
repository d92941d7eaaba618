import crypto from "node:crypto";
import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { levelWording } from "@/lib/evaluations/scale-wording";
import { describeFailure } from "@/lib/forms";
import { readCappedBody } from "@/lib/http/capped-body";
import { isLocale, locales, type Locale } from "@/lib/i18n/config";
import { catalogues } from "@/lib/i18n/messages";
import { narrativeFor } from "@/lib/narrative";
import { feedbackScale } from "@/lib/questionnaires/kinds";
import { publicQuestionnaire, submitPublicResponse } from "@/lib/questionnaires/public";
import { getRequestContext } from "@/lib/request-context";
import { questionnaireDocument, type Shown } from "./questionnaire-document";

type Params = { params: Promise<{ questionnaireId: string }> };

// A phone's answers are a few kilobytes; anything much larger is not a form of this page.
const maxBodyBytes = 64 * 1024;

/** The respondent's language: the one chosen on the page (?lang=), else the app's usual choice. */
async function languageOf(request: Request): Promise<Locale> {
  const asked = new URL(request.url).searchParams.get("lang");
  return asked && isLocale(asked) ? asked : ((await getLocale()) as Locale);
}

function render(status: number, props: Omit<Shown, "languages">, request: Request): Response {
  const url = new URL(request.url);
  const languages = locales.map((l) => ({ locale: l, label: catalogues[l].language[l], href: `${url.pathname}?lang=${l}` }));
  const html = questionnaireDocument({ ...props, languages });
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

async function answer(
  request: Request,
  questionnaireId: string,
  sent?: { typed: Record<string, string>; errors: Record<string, string>; notice: Shown["notice"]; status: number },
) {
  const locale = await languageOf(request);
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "publicQuestionnaire" });
  const questionnaire = await publicQuestionnaire((await getRequestContext()).db, questionnaireId);
  if (!questionnaire) return render(404, { locale, t, title: t("notFoundTitle"), form: null, notice: { tone: "refused", text: t("notFound") } }, request);
  const title = narrativeFor(questionnaire.title, locale).text;
  if (!questionnaire.open) return render(sent?.status ?? 200, { locale, t, title, form: null, notice: { tone: "refused", text: t("closed") } }, request);
  const form = {
    formId: sent?.typed.id ?? crypto.randomUUID(),
    isTest: questionnaire.kind !== "feedback",
    questions: questionnaire.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: narrativeFor(q.text, locale).text,
      choices: q.choices.map((c) => narrativeFor(c, locale).text),
    })),
    levels: Array.from({ length: feedbackScale.scaleSize }, (_, i) => levelWording(feedbackScale.scaleSize, i + 1, locale)),
    typed: sent?.typed ?? {},
    errors: sent?.errors ?? {},
  };
  return render(sent?.status ?? 200, { locale, t, title, form, notice: sent?.notice ?? null }, request);
}

/** The questionnaire to answer, while it is open. */
export async function GET(request: Request, { params }: Params) {
  return answer(request, (await params).questionnaireId);
}

/** The respondent's answers, sent by the page's form: stored once per form, then thanks; or the form again with what to correct. */
export async function POST(request: Request, { params }: Params) {
  const { questionnaireId } = await params;
  const locale = await languageOf(request);
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "publicQuestionnaire" });
  const all = createTranslator({ locale, messages: catalogues[locale] });
  const body = await readCappedBody(request, maxBodyBytes);
  if (body === null) return new Response(null, { status: 413 });
  // The page's form sends its fields URL-encoded, the HTML default.
  const typed = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(body)));
  const answers = Object.fromEntries(
    Object.entries(typed)
      .filter(([key]) => key.startsWith("answer."))
      .map(([key, value]) => [key.slice("answer.".length), value]),
  );
  const result = await submitPublicResponse(
    (await getRequestContext()).db,
    { questionnaireId, id: typed.id, pairingCode: typed.pairingCode ?? null, answers },
    clientAddressFrom(await headers()),
  );
  if (result.ok) {
    const title = t("thanksTitle");
    // Sent twice (a double tap, a reload), the answers were kept once: the respondent is told so.
    const text = result.data.replayed ? t("alreadyReceived") : t("thanks");
    return render(result.data.replayed ? 200 : 201, { locale, t, title, form: null, notice: { tone: "done", text } }, request);
  }
  if (result.error === "not_found") return answer(request, questionnaireId);
  const { message, fieldErrors } = describeFailure(result, all);
  const status = result.error === "too_many" ? 429 : result.error === "conflict" ? 409 : 400;
  return answer(request, questionnaireId, { typed, errors: fieldErrors, notice: { tone: "refused", text: fieldErrors._form ?? message }, status });
}
