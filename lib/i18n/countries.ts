import type { Locale } from "./config";

// The region first, then the countries of headquarters, funders and neighbours.
export const countryCodes = ["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "MX", "CO", "DO", "HT", "CU", "CA", "US", "FR", "ES"] as const;

export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
}

export function countryOptions(locale: Locale, current?: string) {
  const codes: string[] = [...countryCodes];
  if (current && !codes.includes(current)) codes.push(current);
  return codes.map((code) => ({ value: code, label: countryName(code, locale) }));
}
