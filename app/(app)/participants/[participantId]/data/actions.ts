"use server";

import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { exportParticipantData } from "@/lib/participants/personal-data";

/** The copy is made, and recorded, only on this explicit POST: opening the page records nothing. */
export async function exportParticipantDataAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, exportParticipantData);
}
