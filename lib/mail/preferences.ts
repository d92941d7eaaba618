import { eq } from "drizzle-orm";
import { z } from "zod";
import { optionalMailKinds, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { defineUseCase } from "@/lib/use-case";

const preferencesOutput = z.object({ receives: z.array(z.enum(optionalMailKinds)) });
const checked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false);

/** Which notices the user receives by mail (the kinds they may turn off). */
export const getMailPreferences = defineUseCase({
  name: "mailPreferences.get",
  http: { method: "get", path: "/account/mail-preferences", response: preferencesOutput },
  access: { kind: "user" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const [user] = await ctx.db.select({ optOut: users.mailOptOut }).from(users).where(eq(users.id, ctx.user.id));
    return { receives: optionalMailKinds.filter((kind) => !user?.optOut.includes(kind)) };
  },
});

/** Turns each notice on or off; a kind left out of the form is off, as an unticked box is. */
export const setMailPreferences = defineUseCase({
  name: "mailPreferences.set",
  http: { method: "put", path: "/account/mail-preferences", response: preferencesOutput },
  access: { kind: "user" },
  input: z.object({ review_opened: checked, review_answered: checked }),
  write: true,
  async run(ctx, input) {
    const optOut = optionalMailKinds.filter((kind) => !input[kind]);
    const [before] = await ctx.db.select({ optOut: users.mailOptOut }).from(users).where(eq(users.id, ctx.user.id));
    await ctx.db.update(users).set({ mailOptOut: optOut }).where(eq(users.id, ctx.user.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "mailPreferences.set",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { mailOptOut: { before: before?.optOut ?? [], after: optOut } },
    });
    return { receives: optionalMailKinds.filter((kind) => input[kind]) };
  },
});
