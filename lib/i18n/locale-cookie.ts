import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { localeCookie, type Locale } from "./config";

export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV === "production",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}
