"use server";

import { issueCertificates, revokeCertificate, setCertificateRule } from "@/lib/certificates/use-cases";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import type { Ctx } from "@/lib/session-user";

export async function setCertificateRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, setCertificateRule, "certificates.ruleSaved");
}

export async function issueCertificatesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, (ctx: Ctx, values) => issueCertificates(ctx, { ...values, participantIds: values.participantIds ? values.participantIds.split(",") : [] }));
}

export async function revokeCertificateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeCertificate, "certificates.revoked");
}
