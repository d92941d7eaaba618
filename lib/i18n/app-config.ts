import type { Locale } from "./config";
import type { Messages } from "./messages";

// next-intl's hooks and functions take these types: a key missing from the catalogue, or a locale
// the app does not speak, is a compile error rather than a fallback text on screen.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
