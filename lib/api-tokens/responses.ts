import { z } from "zod";
import { apiTokenAccess } from "@/db/schema";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const tokenShape = z.object({
  id: z.string(),
  name: z.string(),
  access: z.enum(apiTokenAccess),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const listApiTokensOutput = z.array(tokenShape);

/** The new token with its secret: the only time the secret is ever sent. */
export const createApiTokenOutput = tokenShape.extend({ secret: z.string() });

export const revokeApiTokenOutput = z.object({ changed: z.boolean() });
