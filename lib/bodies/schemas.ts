import { z } from "zod";
import { countryField, emptyToNull } from "@/lib/zod-fields";

const bodyFields = z.object({
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().max(40).default(""),
  country: countryField,
  description: z.string().trim().max(5000).default(""),
});

export const createBodyInput = bodyFields;
export type CreateBodyInput = z.input<typeof createBodyInput>;

export const updateBodyInput = bodyFields.extend({ bodyId: z.uuid(), version: z.coerce.number().int().min(1) });
export type UpdateBodyInput = z.input<typeof updateBodyInput>;

export const bodyIdInput = z.object({ bodyId: z.uuid() });

const optionalDate = z.preprocess(emptyToNull, z.iso.date().nullable().default(null));
const notBefore = { message: "endBeforeStart", path: ["endDate"] };

export const addBodyMemberInput = z
  .object({ bodyId: z.uuid(), institutionId: z.uuid(), startDate: z.iso.date(), endDate: optionalDate })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, notBefore);
export type AddBodyMemberInput = z.input<typeof addBodyMemberInput>;

/** A membership is named under its body: one under another body's path is not found. */
export const membershipIdInput = z.object({ bodyId: z.uuid(), membershipId: z.uuid() });

export const endBodyMembershipInput = membershipIdInput.extend({ endDate: z.iso.date() });
export type EndBodyMembershipInput = z.input<typeof endBodyMembershipInput>;
