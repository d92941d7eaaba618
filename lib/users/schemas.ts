import { z } from "zod";
import { locales } from "@/db/schema";
import { emailField, passwordField } from "@/lib/auth/schemas";
import { pageInput } from "@/lib/use-case";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const createUserInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: emailField,
    locale: z.enum(locales),
    isAdmin: checkbox.default(false),
    access: z.enum(["password", "link"]),
    temporaryPassword: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.access !== "password") return;
    const check = passwordField.safeParse(v.temporaryPassword ?? "");
    if (!check.success) ctx.addIssue({ code: "custom", message: "passwordTooShort", path: ["temporaryPassword"] });
  });
export type CreateUserInput = z.input<typeof createUserInput>;

export const userIdInput = z.object({ userId: z.uuid() });

export const setUserActiveInput = z.object({ userId: z.uuid(), isActive: checkbox });
export type SetUserActiveInput = z.input<typeof setUserActiveInput>;

export const listUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(["active", "inactive", "all"]).default("all"),
  ...pageInput,
});
export type ListUsersInput = z.input<typeof listUsersInput>;
