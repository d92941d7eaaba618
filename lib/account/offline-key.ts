import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { getAuthSecret } from "@/lib/env";
import { defineUseCase } from "@/lib/use-case";
import { getOfflineKeyOutput } from "./responses";

/**
 * The secret that opens the user's offline data on a device without their PIN, while they are
 * signed in. It is never stored on the device, and it changes whenever the user's sessions are
 * revoked (sign-out, new password), so data wrapped with an old one needs the PIN again.
 */
export const getOfflineKey = defineUseCase({
  name: "account.offlineKey",
  http: { method: "get", path: "/account/offline-key", response: getOfflineKeyOutput },
  access: { kind: "user" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const [user] = await ctx.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, ctx.user.id));
    const key = createHmac("sha256", getAuthSecret()).update(`atelier-offline-key:${ctx.user.id}:${user!.sessionVersion}`).digest("base64url");
    return { userId: ctx.user.id, key };
  },
});
