import ExcelJS from "exceljs";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const es = messages.es;

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Asistencia");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test.describe("importing a sign-in sheet, as field staff (Spanish)", () => {
  test.use({ storageState: storageStateFor("field") });

  test("one bad row commits nothing; once fixed, the file imports, and a second import adds nothing", async ({ page }) => {
    const tag = Date.now().toString(36);
    const header = ["Nombre", "Apellidos", "Sexo", "Institución", "Cargo", "Correo"];
    const good = [
      ["Lucía", `Ávila ${tag}`, "M", "SESAL", "Enfermera", `lucia.${tag}@example.org`],
      ["Pedro", `Zepeda ${tag}`, "H", "Secretaría de Educación", "Docente", ""],
    ];
    const bad = ["Marta", `Lagos ${tag}`, "M", "Ministerio Inexistente", "Jueza", ""];

    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: es.imports.title })).toBeVisible();
    await page.getByLabel(es.imports.file).setInputFiles({ name: "asistencia.xlsx", mimeType: "application/octet-stream", buffer: await xlsx([header, ...good, bad]) });
    await expect(page.getByText("3 filas leídas")).toBeVisible();
    await expect(page.getByLabel(es.imports.fields.givenNames, { exact: true })).toHaveValue("0");
    await page.getByRole("button", { name: es.imports.check }).click();
    const preview = page.getByRole("table", { name: es.imports.preview });
    await expect(
      preview
        .getByRole("row")
        .filter({ hasText: "Ministerio Inexistente" })
        .or(preview.getByRole("row").filter({ hasText: `Lagos ${tag}` })),
    ).toContainText(es.imports.statuses.error);
    await expect(page.getByRole("button", { name: /Importar/ })).toBeDisabled();
    await expectAccessible(page);
    expect(((await (await page.request.get(`/api/v1/participants?q=${tag}`)).json()) as { total: number }).total).toBe(0);

    await page.getByLabel(es.imports.file).setInputFiles({ name: "asistencia.xlsx", mimeType: "application/octet-stream", buffer: await xlsx([header, ...good]) });
    await expect(page.getByText("2 filas leídas")).toBeVisible();
    await expect(page.getByRole("table", { name: es.imports.preview })).toHaveCount(0);
    await page.getByRole("button", { name: es.imports.check }).click();
    await page.getByRole("button", { name: /Importar 2/ }).click();
    await expect(page.getByRole("status").filter({ hasText: es.imports.done.split(":")[0]! })).toContainText("2");
    const imported = (await (await page.request.get(`/api/v1/participants?q=${tag}`)).json()) as { total: number; items: { sex: string; familyNames: string }[] };
    expect(imported.total).toBe(2);
    expect(imported.items.find((p) => p.familyNames.startsWith("Ávila"))?.sex).toBe("woman");

    await page.getByLabel(es.imports.file).setInputFiles({ name: "asistencia.xlsx", mimeType: "application/octet-stream", buffer: await xlsx([header, ...good]) });
    await expect(page.getByRole("table", { name: es.imports.preview })).toHaveCount(0);
    await page.getByRole("button", { name: es.imports.check }).click();
    await expect(page.getByRole("table", { name: es.imports.preview }).getByRole("row").filter({ hasText: es.imports.statuses.existing })).toHaveCount(2);
    expect(((await (await page.request.get(`/api/v1/participants?q=${tag}`)).json()) as { total: number }).total).toBe(2);
  });

  test("a file that is not a spreadsheet is refused with a clear message", async ({ page }) => {
    await page.goto("/imports");
    await page.getByLabel(es.imports.file).setInputFiles({ name: "foto.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip at all") });
    await expect(page.getByRole("alert").filter({ hasText: es.validation.fileContentMismatch })).toBeVisible();
  });
});

test.describe("exports", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the CSV export has French headers and neutralises a formula typed into a cell", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const tag = Date.now().toString(36);
    const created = await page.request.post("/api/v1/participants", {
      headers: originHeader,
      data: { projectId: projects.items[0]!.id, givenNames: "Formula", familyNames: `Test ${tag}`, position: '=HYPERLINK("http://attacker.example","x")' },
    });
    expect(created.status()).toBe(201);
    const csv = await (await page.request.get(`/api/v1/participants/export?format=csv&q=${tag}`)).text();
    const [headerLine, row] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(headerLine).toContain(messages.fr.participants.familyNames);
    expect(row).toContain(`'=HYPERLINK`);
    expect(row).not.toMatch(/(^|,)"?=HYPERLINK/);
  });
});
