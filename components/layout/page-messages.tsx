import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type Namespace, pickMessages } from "@/lib/i18n/client-namespaces";

/**
 * Sends a page's client components the namespaces they read beyond the common ones. A nested
 * provider replaces the root layout's messages rather than adding to them, so it sends the common
 * namespaces again; the client components of the page must sit inside it.
 */
export async function PageMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
