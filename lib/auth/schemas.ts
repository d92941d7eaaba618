import { z } from "zod";

export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const passwordField = z.string().min(12).max(200);

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
  /** The authenticator app's code, or a recovery code, for an account whose second factor is on. */
  code: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(20).optional()),
});

export const setPasswordWithLinkInput = z
  .object({
    token: z.string().min(20).max(200),
    password: passwordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "passwordsDiffer", path: ["confirmPassword"] });
