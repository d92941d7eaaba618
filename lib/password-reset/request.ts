import { and, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { mailMessages, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { queuePasswordReset } from "@/lib/mail/sign-in-mail";
import { withinPublicLimit } from "@/lib/public-limit";
import { emailField } from "@/lib/auth/schemas";
import { createSignInLink, resetLinkLifetimeMs } from "@/lib/auth/sign-in";

export const passwordResetInput = z.object({ email: emailField });

/** How many reset links one requester may ask for in a minute, and one account receive in an hour. */
export const resetsPerRequesterPerMinute = 5;
export const resetsPerAccountPerHour = 3;

/**
 * "Forgot your password?": e-mails a one-time link (an hour) to choose a new password, which also
 * signs out every other session. The answer is the same whether or not the address has an account,
 * is deactivated, or has had its hourly share of links: "sent". Only a requester asking too often
 * is told so, which says nothing about any account.
 */
export async function requestPasswordReset(db: Db, rawInput: unknown, clientAddress: string, now = new Date()): Promise<"sent" | "invalid" | "too_many"> {
  const parsed = passwordResetInput.safeParse(rawInput);
  if (!parsed.success) return "invalid";
  if (!(await withinPublicLimit(db, "password-reset", clientAddress, resetsPerRequesterPerMinute, now))) return "too_many";
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, parsed.data.email));
    if (!user?.isActive) return;
    const [recent] = await tx
      .select({ n: count() })
      .from(mailMessages)
      .where(and(eq(mailMessages.userId, user.id), eq(mailMessages.kind, "password_reset"), gt(mailMessages.createdAt, new Date(now.getTime() - 60 * 60 * 1000))));
    if ((recent?.n ?? 0) >= resetsPerAccountPerHour) return;
    const link = await createSignInLink(tx, user.id, now, resetLinkLifetimeMs);
    await queuePasswordReset(tx, user, link.token);
    await recordAudit(tx, {
      actorId: null,
      action: "auth.requestPasswordReset",
      entityType: "user",
      entityId: user.id,
      changes: { mail: { before: null, after: "password_reset" } },
    });
  });
  return "sent";
}
