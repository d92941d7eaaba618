import type { Content, TableCell } from "pdfmake/interfaces";
import { listedName } from "@/lib/participants/names";
import { renderPdf } from "@/lib/pdf/render";
import type { Wording } from "@/lib/i18n/wording";

/** Blank rows after the expected names, for people nobody expected. */
export const blankRows = 15;

type Sheet = {
  workshop: { title: string; city: string; venue: string };
  day: string;
  people: { givenNames: string; familyNames: string; institutionName: string | null }[];
};

/** A printable sign-in sheet (A4 landscape), worded in the workshop's language. */
export async function signInSheetPdf(sheet: Sheet, wording: Wording & { longDay: (iso: string) => string }): Promise<Uint8Array> {
  const { t } = wording;
  const headers = (["number", "name", "institution", "position", "sex", "signature", "consent"] as const).map((k) => ({ text: t(`signInSheet.${k}`), bold: true }));
  const row = (n: number, name = "", institution = ""): TableCell[] => [String(n), name, institution, "", "", "", ""];
  const rows = [
    ...sheet.people.map((p, i) => row(i + 1, listedName(p.givenNames, p.familyNames), p.institutionName ?? "")),
    ...Array.from({ length: blankRows }, (_, i) => row(sheet.people.length + i + 1)),
  ];
  const content: Content[] = [
    { text: t("signInSheet.title"), fontSize: 16, bold: true },
    { text: sheet.workshop.title, fontSize: 12, margin: [0, 2, 0, 2] },
    {
      text: [
        `${t("signInSheet.date")}: ${wording.longDay(sheet.day)}`,
        [sheet.workshop.venue, sheet.workshop.city].filter(Boolean).length
          ? `   ${t("signInSheet.venue")}: ${[sheet.workshop.venue, sheet.workshop.city].filter(Boolean).join(", ")}`
          : "",
      ].join(""),
      margin: [0, 0, 0, 8],
    },
    {
      table: { headerRows: 1, widths: [22, "*", "*", 90, 50, 100, 80], heights: (i: number) => (i === 0 ? 18 : 24), body: [headers, ...rows] },
    },
    { text: t("signInSheet.consentNote"), fontSize: 8, italics: true, margin: [0, 8, 0, 0] },
  ];
  return renderPdf({
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [28, 28, 28, 36],
    info: { title: `${t("signInSheet.title")} — ${sheet.workshop.title}` },
    footer: (page, pages) => ({ text: t("signInSheet.page", { page, pages }), alignment: "center", fontSize: 8 }),
    content,
  });
}
