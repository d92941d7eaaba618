"use server";

import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createPeriod, createYearlyPeriods, deletePeriod } from "@/lib/indicators/use-cases";

export async function createPeriodAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createPeriod);
}

export async function createYearlyPeriodsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createYearlyPeriods);
}

export async function deletePeriodAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, deletePeriod, "indicators.periodDeleted");
}
