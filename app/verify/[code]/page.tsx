import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerificationView } from "../verification-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates.verify"))("title") };
}

/** The address a certificate's QR code opens. */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  // Next hands the segment over decoded already.
  return <VerificationView code={(await params).code} />;
}
