import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { defineUseCase } from "@/lib/use-case";
import { guessMapping, institutionImportFields, participantImportFields } from "./mapping";
import { readFileInput } from "./schemas";

/** Step one of an import: the file's columns and rows, and the likely mapping for each kind of import. */
export const readImportFile = defineUseCase({
  name: "imports.read",
  access: { kind: "directory", roles: ["manager", "field"] },
  input: readFileInput,
  write: false,
  async run(_ctx, input) {
    const sheet = await readSpreadsheet(input.fileName, Buffer.from(input.data, "base64"));
    return {
      ...sheet,
      guesses: {
        participants: guessMapping(sheet.headers, participantImportFields),
        institutions: guessMapping(sheet.headers, institutionImportFields),
      },
    };
  },
});
