import { contentMatchesType } from "@/lib/http/file-signature";
import { UseCaseError } from "@/lib/result";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { contentTypes } from "@/lib/spreadsheets/write";
import { defineUseCase } from "@/lib/use-case";
import { loadHeaderChoices } from "./header-choices";
import { attendanceImportFields, institutionImportFields, participantImportFields } from "./fields";
import { guessMapping } from "./mapping";
import { readFileInput } from "./schemas";
import { readImportFileOutput } from "./responses";

/** Step one of an import: the file's columns and rows, and the likely mapping for each kind of import (remembered choices first). */
export const readImportFile = defineUseCase({
  name: "imports.read",
  http: { method: "post", path: "/imports/read", response: readImportFileOutput },
  access: { kind: "directory", permission: "imports.readFile" },
  input: readFileInput,
  write: false,
  async run(ctx, input) {
    const bytes = Buffer.from(input.data, "base64");
    // The name says which reader runs; the first bytes must agree (an .xlsx is a zip, a CSV is text).
    const claimed = /\.xlsx$/i.test(input.fileName) ? contentTypes.xlsx : "text/csv";
    if (!contentMatchesType(bytes, claimed)) throw new UseCaseError("invalid", { file: { key: "fileContentMismatch" } });
    const sheet = await readSpreadsheet(input.fileName, bytes);
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
