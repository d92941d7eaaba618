import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { isEntrySection, type DocumentSpec } from "./sections";

/** The sections as an editable Word document: headings, paragraphs, and tables with a header row. */
export async function documentToDocx(spec: DocumentSpec): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: spec.title, heading: HeadingLevel.TITLE }), new Paragraph({ text: spec.subtitle })];
  for (const section of spec.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    if (isEntrySection(section)) {
      if (section.entries.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: section.empty ?? "—", italics: true })] }));
      for (const entry of section.entries) {
        children.push(new Paragraph({ text: entry.heading, heading: HeadingLevel.HEADING_2 }));
        for (const line of entry.lines) children.push(new Paragraph({ text: line }));
      }
      continue;
    }
    if (section.rows.length === 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: section.empty ?? "—", italics: true })] }));
      continue;
    }
    const row = (cells: (string | number)[], bold = false) =>
      new TableRow({ tableHeader: bold, children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(cell), bold })] })] })) });
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(section.headers, true), ...section.rows.map((r) => row(r))] }));
  }
  const document = new Document({ title: spec.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
