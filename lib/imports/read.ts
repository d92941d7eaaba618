import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { defineUseCase } from "@/lib/use-case";
import { loadHeaderChoices } from "./header-choices";
import { attendanceImportFields, guessMapping, institutionImportFields, participantImportFields } from "./mapping";
import { readFileInput } from "./schemas";

/** Step one of an import: the file's columns and rows, and the likely mapping for each kind of import (remembered choices first). */
export const readImportFile = defineUseCase({
  name: "imports.read",
  access: { kind: "directory", roles: ["manager", "field"] },
  input: readFileInput,
  write: false,
  async run(ctx, input) {
    const sheet = await readSpreadsheet(input.fileName, Buffer.from(input.data, "base64"));
    return {
      ...sheet,
      guesses: {
        participants: guessMapping(sheet.headers, participantImportFields, await loadHeaderChoices(ctx.db, "participants")),
        institutions: guessMapping(sheet.headers, institutionImportFields, await loadHeaderChoices(ctx.db, "institutions")),
        attendance: guessMapping(sheet.headers, attendanceImportFields, await loadHeaderChoices(ctx.db, "attendance")),
      },
    };
  },
});
