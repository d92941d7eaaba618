"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import { idleForm } from "@/lib/forms";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export type TokenRow = { id: string; name: string; access: "read" | "write"; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/**
 * Personal API tokens: make one (its secret shown once), see each one's last use, revoke. On an
 * administrator's page about another user, only seen and revoked (`mayCreate` false).
 */
export function ApiTokens({ tokens, mayCreate = true }: { tokens: TokenRow[]; mayCreate?: boolean }) {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const [created, create] = useActionState(createApiTokenAction, idleForm);
  const [revoked, revoke] = useActionState(revokeApiTokenAction, idleForm);
  const when = (date: Date | null) => (date ? format.dateTime(new Date(date), { dateStyle: "medium" }) : t("never"));
  const state = (token: TokenRow) => (token.revokedAt ? t("revoked") : new Date(token.expiresAt) < new Date() ? t("expired") : t("active"));
  return (
    <div className="flex flex-col gap-4">
      {mayCreate && <p className="text-sm text-slate-700">{t("intro")}</p>}
      {mayCreate && (
        <form action={create} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" noValidate>
          <TextField
            name="name"
            label={t("name")}
            required
            maxLength={100}
            error={created.fieldErrors?.name}
            defaultValue={created.status === "error" ? created.values?.name : ""}
          />
          <SelectField
            name="access"
            label={t("access")}
            options={(["read", "write"] as const).map((a) => ({ value: a, label: t(`accesses.${a}`) }))}
            defaultValue={created.status === "error" ? created.values?.access : "read"}
          />
          <TextField name="expiresInDays" type="number" min={1} max={365} label={t("days")} defaultValue="90" error={created.fieldErrors?.expiresInDays} />
          <SubmitButton>{t("create")}</SubmitButton>
        </form>
      )}
      {created.status === "error" && <FormMessage state={created} />}
      {created.status === "success" && (
        <div role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm">
          <p className="mb-1 font-medium">{t("secretOnce")}</p>
          <input
            readOnly
            aria-label={t("secret")}
            value={created.data.secret}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <FormMessage state={revoked} />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("access")}</Th>
              <Th>{t("expires")}</Th>
              <Th>{t("lastUsed")}</Th>
              <Th>{t("state")}</Th>
              <Th>
                <span className="sr-only">{t("revoke")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td>{t(`accesses.${token.access}`)}</Td>
                <Td>{when(token.expiresAt)}</Td>
                <Td>{when(token.lastUsedAt)}</Td>
                <Td>{state(token)}</Td>
                <Td>
                  {!token.revokedAt && (
                    <form action={revoke}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <ConfirmSubmit label={t("revoke")} question={t("revokeQuestion", { name: token.name })} confirmLabel={t("revoke")} cancelLabel={t("cancel")} />
                    </form>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
