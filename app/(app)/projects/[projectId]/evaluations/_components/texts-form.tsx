"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Narrative } from "@/db/schema";
import { locales } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { translateEvaluationAction } from "../actions";

type Text = { id: string; key: string; text: Narrative };
type Props = { projectId: string; evaluationId: string; version: number; title: Narrative; groups: Text[]; statements: Text[]; cancelHref: string };

/** The title, each group's name and each statement in French, Spanish and English; the original language is required. */
export function TextsForm({ projectId, evaluationId, version, title, groups, statements, cancelHref }: Props) {
  const t = useTranslations("evaluations");
  const tf = useTranslations("findings");
  const [state, formAction] = useActionState(translateEvaluationAction, idleForm);
  const value = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  // A missing original is reported on the list's line (statements.2.text.fr): shown under that text.
  const error = (prefix: string) => Object.entries(state.fieldErrors ?? {}).find(([key]) => key.startsWith(prefix))?.[1];
  const texts = (kind: "group" | "statement", list: "groups" | "statements", items: Text[]) =>
    items.map((item, index) => (
      <fieldset key={item.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{item.key}</legend>
        <input type="hidden" name={`original:${kind}:${item.id}`} value={item.text.original} />
        {locales.map((l) => (
          <TextAreaField
            key={l}
            id={`${kind}-${item.id}-${l}`}
            name={`${kind}:${item.id}:${l}`}
            label={l === item.text.original ? t("originalLanguage", { language: tf(`languages.${l}`) }) : tf(`languages.${l}`)}
            rows={kind === "group" ? 1 : 2}
            defaultValue={value(`${kind}:${item.id}:${l}`, item.text[l] ?? "")}
            error={l === item.text.original ? error(`${list}.${index}.`) : undefined}
          />
        ))}
      </fieldset>
    ));
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("name")}</legend>
        <input type="hidden" name="original:title" value={title.original} />
        {locales.map((l) => (
          <TextAreaField
            key={l}
            id={`title-${l}`}
            name={`title:${l}`}
            label={l === title.original ? t("originalLanguage", { language: tf(`languages.${l}`) }) : tf(`languages.${l}`)}
            rows={1}
            defaultValue={value(`title:${l}`, title[l] ?? "")}
            error={l === title.original ? error("title.") : undefined}
          />
        ))}
      </fieldset>
      <h2 className="text-lg font-semibold">{t("groups")}</h2>
      {texts("group", "groups", groups)}
      <h2 className="text-lg font-semibold">{t("statements")}</h2>
      {texts("statement", "statements", statements)}
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
