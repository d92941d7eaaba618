import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";

/** Lets field staff install Atelier on a phone's home screen and open it without a connection. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("app");
  return {
    name: t("name"),
    short_name: t("name"),
    description: t("tagline"),
    start_url: "/projects",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#115e59",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
