import { z } from "zod";
import { locales } from "@/db/schema";
import { passwordField } from "@/lib/auth/schemas";

export const setLocaleInput = z.object({ locale: z.enum(locales) });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordsDiffer", path: ["confirmPassword"] });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const signOutInput = z.object({});
