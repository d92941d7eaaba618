import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

// Resolved from the app's folder: bundlers replace require.resolve with a module number.
const fontDir = path.join(process.cwd(), "node_modules", "pdfmake", "fonts", "Roboto");

// Roboto covers every letter of French and Spanish; documents may read nothing else from disk or the network.
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, "Roboto-Regular.ttf"),
    bold: path.join(fontDir, "Roboto-Medium.ttf"),
    italics: path.join(fontDir, "Roboto-Italic.ttf"),
    bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

/** A PDF built from a pdfmake document definition. */
export async function renderPdf(document: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfmake.createPdf({ defaultStyle: { font: "Roboto", fontSize: 9 }, ...document }).getBuffer();
  return new Uint8Array(buffer);
}
