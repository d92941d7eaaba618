import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerificationView } from "./verification-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates.verify"))("title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  return <VerificationView code={(await searchParams).code} />;
}
