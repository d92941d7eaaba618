"use server";

import { issueCertificates, revokeCertificate, setCertificateRule } from "@/lib/certificates/use-cases";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import type { Ctx } from "@/lib/session-user";

/** The logo travels as bytes; every other field as the form's text. */
export async function setCertificateRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const upload = formData.get("logo");
  const logo = upload instanceof File && upload.size > 0 ? { name: upload.name, type: upload.type, data: new Uint8Array(await upload.arrayBuffer()) } : null;
  return runFormAction(formData, (ctx: Ctx, values) => setCertificateRule(ctx, { ...values, logo }), "certificates.ruleSaved");
}

export async function issueCertificatesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, (ctx: Ctx, values) => issueCertificates(ctx, { ...values, participantIds: values.participantIds ? values.participantIds.split(",") : [] }));
}

export async function revokeCertificateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeCertificate, "certificates.revoked");
}
