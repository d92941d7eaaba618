"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { locales } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { createUserAction } from "../actions";
import { SignInLink } from "../sign-in-link";

export function CreateUserForm() {
  const t = useTranslations("users");
  const tLanguage = useTranslations("language");
  const tCommon = useTranslations("common");
  const [state, action] = useActionState(createUserAction, idleForm);
  const [access, setAccess] = useState(state.values?.access ?? "link");
  const created = state.status === "success" ? state.data : null;
  if (created) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <FormMessage state={state} />
        {created.signInLink && <SignInLink token={created.signInLink.token} expiresAt={created.signInLink.expiresAt} mailStatus={created.invitation?.status ?? null} />}
        <Link href={`/admin/users/${created.user.id}`} className={buttonClass("primary", "self-start")}>
          {t("openUser", { name: created.user.name })}
        </Link>
      </div>
    );
  }
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label={t("name")} required defaultValue={state.values?.name} error={error("name")} />
      <TextField name="email" type="email" label={t("email")} required defaultValue={state.values?.email} error={error("email")} />
      <SelectField
        name="locale"
        label={t("locale")}
        defaultValue={state.values?.locale ?? "es"}
        error={error("locale")}
        options={locales.map((l) => ({ value: l, label: tLanguage(l) }))}
      />
      <CheckboxField name="isAdmin" label={t("isAdmin")} defaultChecked={state.values?.isAdmin === "on"} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("access")}</legend>
        {(["link", "password"] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="access" value={option} checked={access === option} onChange={() => setAccess(option)} className="size-4 accent-teal-800" />
            {t(`accessOptions.${option}`)}
          </label>
        ))}
      </fieldset>
      {access === "password" && (
        <TextField name="temporaryPassword" type="text" label={t("temporaryPassword")} hint={t("temporaryPasswordHint")} autoComplete="off" error={error("temporaryPassword")} />
      )}
      <div className="flex gap-2">
        <SubmitButton>{t("create")}</SubmitButton>
        <Link href="/admin/users" className={buttonClass("secondary")}>
          {tCommon("cancel")}
        </Link>
      </div>
    </form>
  );
}
