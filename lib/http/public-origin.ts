import { getEnv } from "@/lib/env";

/**
 * The origin printed links (a certificate's QR code, a questionnaire's) point to: the configured
 * public address when set, since behind a proxy the request's own Host may be an internal one.
 */
export function publicOrigin(requestOrigin: string): string {
  const configured = getEnv().ATELIER_PUBLIC_URL;
  return configured ? new URL(configured).origin : requestOrigin;
}
