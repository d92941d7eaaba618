import type { Content } from "pdfmake/interfaces";
import { renderPdf } from "@/lib/pdf/render";
import { isEntrySection, type DocumentSpec } from "./sections";

/** The sections as consecutive tables under the document's title, headers repeated on each page. */
export async function documentToPdf(spec: DocumentSpec): Promise<Uint8Array> {
  const content: Content[] = [
    { text: spec.title, fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
    { text: spec.subtitle, color: "#334155", margin: [0, 0, 0, 12] },
  ];
  for (const section of spec.sections) {
    content.push({ text: section.title, fontSize: 12, bold: true, margin: [0, 10, 0, 4] });
    if (isEntrySection(section)) {
      if (section.entries.length === 0) content.push({ text: section.empty ?? "—", italics: true });
      for (const entry of section.entries) {
        content.push({ text: entry.heading, bold: true, margin: [0, 6, 0, 2] });
        for (const line of entry.lines) content.push({ text: line, margin: [0, 0, 0, 2] });
      }
      continue;
    }
    if (section.rows.length === 0) {
      content.push({ text: section.empty ?? "—", italics: true });
      continue;
    }
    content.push({
      table: {
        headerRows: 1,
        widths: section.headers.map((_, i) => (i === 0 ? "*" : "auto")),
        body: [section.headers.map((h) => ({ text: h, bold: true })), ...section.rows.map((row) => row.map((cell) => String(cell)))],
      },
      layout: "lightHorizontalLines",
    });
  }
  return renderPdf({ info: { title: spec.title }, content, pageMargins: [36, 36, 36, 36] });
}
