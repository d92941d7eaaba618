import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfflineHome } from "@/components/offline/offline-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offline"))("pageTitle") };
}

/**
 * What the service worker shows for a page it cannot fetch: the workshops prepared on this device.
 * It needs no session (it is stored at install), and reads everything else from the device.
 */
export default async function OfflinePage() {
  const t = await getTranslations("offline");
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("pageTitle")}</h1>
      <p>{t("pageIntro")}</p>
      <OfflineHome />
    </main>
  );
}
