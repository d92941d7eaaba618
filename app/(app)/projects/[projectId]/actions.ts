"use server";

import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { grantRole, revokeRole } from "@/lib/members/use-cases";

export async function grantRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, grantRole, "members.granted");
}

export async function revokeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeRole, "members.revoked");
}
