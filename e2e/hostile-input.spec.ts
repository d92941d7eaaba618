import { xlsxBomb } from "../lib/testing/spreadsheet-bomb";
import { storageStateFor } from "./support/accounts";
import { expect, originHeader, test } from "./support/fixtures";
import { fill, messages } from "./support/messages";

// A 1 MB spreadsheet that unzips to 480 MB, built once, by the first test that needs it.
let built: Promise<Buffer> | undefined;
const bomb = () => (built ??= xlsxBomb({ megabytes: 480 }).then((bytes) => Buffer.from(bytes)));

test.describe("hostile input through the API, as a manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a NUL in a participant's name answers 400 with that field's message, and writes nothing", async ({ request }) => {
    const list = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const tag = Date.now().toString(36);
    const response = await request.post("/api/v1/participants", {
      data: { projectId: list.items[0]!.id, givenNames: "Ana\u0000", familyNames: `Nul ${tag}`, sex: "woman", email: `ana.${tag}@example.org`, phone: "+504 9988 7766" },
      headers: originHeader,
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid",
      message: messages.fr.errors.invalid,
      fieldErrors: { givenNames: messages.fr.validation.controlCharacter },
    });
    const search = (await (await request.get(`/api/v1/participants?q=${encodeURIComponent(`Nul ${tag}`)}`)).json()) as { total: number };
    expect(search.total).toBe(0);
  });

  test("an XLSX bomb sent for import answers 400 with the unzipped-size message", async ({ request }) => {
    const response = await request.post("/api/v1/imports/read", {
      data: { fileName: "bomba.xlsx", data: (await bomb()).toString("base64") },
      headers: originHeader,
    });
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors.file).toBe(fill(messages.fr.validation.unzippedTooLarge, { max: 50 }));
  });
});

test.describe("hostile input through the import page, as field staff (Spanish)", () => {
  test.use({ storageState: storageStateFor("field") });

  test("an XLSX bomb is refused with the unzipped-size message, and the page keeps working", async ({ page }) => {
    await page.goto("/imports");
    await page.getByLabel(messages.es.imports.file).setInputFiles({ name: "bomba.xlsx", mimeType: "application/octet-stream", buffer: await bomb() });
    await expect(page.getByRole("alert").filter({ hasText: fill(messages.es.validation.unzippedTooLarge, { max: 50 }) })).toBeVisible();
    await page.getByLabel(messages.es.imports.file).setInputFiles({ name: "hoja.csv", mimeType: "text/csv", buffer: Buffer.from("Nombre;Apellidos\r\nAna;Pérez\r\n") });
    await expect(page.getByText("1 fila leída")).toBeVisible();
  });
});
