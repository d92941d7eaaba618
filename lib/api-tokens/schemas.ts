import { z } from "zod";
import { apiTokenAccess } from "@/db/schema";

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  access: z.enum(apiTokenAccess).default("read"),
  /** Days until it stops working: 90 unless chosen, a year at most. */
  expiresInDays: z.coerce.number().int().min(1).max(365).default(90),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

/** Whose tokens: one's own, or (for an administrator) any user's. */
export const listApiTokensInput = z.object({ userId: z.uuid().optional() });

export const revokeApiTokenInput = z.object({ tokenId: z.uuid() });
