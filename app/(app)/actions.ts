"use server";

import { signOutEverywhere } from "@/lib/account/use-cases";
import { signOut } from "@/lib/auth/next-auth";
import { getWriteContext } from "@/lib/request-context";

export async function signOutAction(): Promise<void> {
  const ctx = await getWriteContext();
  if (ctx.user) await signOutEverywhere(ctx, {});
  await signOut({ redirectTo: "/sign-in" });
}
