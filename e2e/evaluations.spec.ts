import fs from "node:fs";
import ExcelJS from "exceljs";
import { docxText } from "../lib/documents/docx-text";
import { scaleWording } from "../lib/evaluations/scale-wording";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const es = messages.es.evaluations;

test.describe("evaluation results, as the partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner"), viewport: { width: 390, height: 844 } });

  test("show the Honduras figures of the closing report, with their n, per group, and too few answers where a group was not asked", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projects.items[0]!.id}`);
    // The project and the evaluation were written in French and translated: a Spanish reader sees them in Spanish.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fortalecer a los actores del cambio contra la trata de personas — Honduras");
    await page.getByRole("link", { name: es.title }).click();
    await page.getByRole("link", { name: "Evaluación final — Honduras" }).click();
    const statement = (text: RegExp) => page.getByRole("region", { name: text });
    await expect(statement(/vulnerabilidad de las poblaciones marginadas/)).toContainText("76 % de 109");
    await expect(statement(/impacto positivo en la vida de las víctimas/)).toContainText("86 % de 109");
    await expect(statement(/efectos positivos perduren/)).toContainText("96 % de 109");
    const children = statement(/protección de la niñez/);
    await expect(children).toContainText("96 % de 51");
    await expect(children).toContainText(es.withheld.tooFew);
    await expect(children).not.toContainText("(0)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });
});

test.describe("an evaluation imported from KoboToolbox, as field staff (Spanish)", () => {
  test.use({ storageState: storageStateFor("field") });

  test("the XLSX export's columns are recognised, the figures come out with their n, and the closing report in Spanish holds them", async ({ page, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const projects = (await (await manager.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);
    const statement = (key: string, text: string) => ({ key, text: { original: "es", es: `${text} ${tag}` } });
    const created = await manager.request.post(`/api/v1/projects/${projectId}/evaluations`, {
      data: {
        title: { original: "es", es: `Evaluación importada ${tag}` },
        scaleSize: 5,
        agreeLevels: [4, 5],
        groups: [
          { key: "state", name: { original: "es", es: "Instituciones del Estado" } },
          { key: "civil_society", name: { original: "es", es: "Sociedad civil" } },
        ],
        statements: [statement("q1_vulnerability", "Redujo la vulnerabilidad"), statement("q2_victims", "Impacto en las víctimas"), statement("q3_lasting", "Efectos duraderos")],
      },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);
    const { id: evaluationId } = (await created.json()) as { id: string };
    await manager.close();

    // 109 submissions, 58 from the state and 51 from civil society; the first 83, 94 and 105 agree.
    // Every third one was exported with labels (Kobo's default) rather than numbers.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Evaluación");
    sheet.addRow(["start", "datos/grupo", "evaluacion/q1_vulnerability", "evaluacion/q2_victims", "evaluacion/q3_lasting", "_id", "_uuid", "_submission_time", "_index"]);
    for (let i = 0; i < 109; i++) {
      const level = (agree: number) => {
        const value = i < agree ? 5 - (i % 2) : 2;
        return i % 3 === 0 ? scaleWording[5].es[value - 1]! : value;
      };
      sheet.addRow(["2022-07-04", i < 58 ? "state" : "civil_society", level(83), level(94), level(105), 5000 + i, `uuid-${tag}-${i}`, "2022-07-04T10:00:00", i + 1]);
    }
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.goto(`/projects/${projectId}/evaluations/${evaluationId}`);
    await page
      .getByLabel(messages.es.imports.file)
      .setInputFiles({ name: "kobo.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
    await expect(page.getByLabel(es.groupColumn)).toHaveValue("1");
    await page.getByRole("button", { name: es.check }).click();
    await expect(page.getByRole("status").filter({ hasText: "109 por agregar" })).toBeVisible();
    await page.getByRole("button", { name: es.importNow }).click();
    await expect(page.getByText("109 personas encuestadas agregadas, 0 ya estaban.")).toBeVisible();
    await expect(page.getByRole("region", { name: `Redujo la vulnerabilidad ${tag}` })).toContainText("76 % de 109");
    await expect(page.getByRole("region", { name: `Impacto en las víctimas ${tag}` })).toContainText("86 % de 109");
    await expect(page.getByRole("region", { name: `Efectos duraderos ${tag}` })).toContainText("96 % de 109");

    // The same file again adds no one.
    await page.getByRole("button", { name: es.check }).click();
    await expect(page.getByRole("status").filter({ hasText: "0 por agregar, 109 ya importadas" })).toBeVisible();

    await page.goto(`/projects/${projectId}`);
    const exporter = page.getByRole("form", { name: messages.es.closingReport.export });
    await exporter.getByLabel(messages.es.closingReport.language).selectOption("es");
    const download = page.waitForEvent("download");
    await exporter.getByRole("button", { name: `${messages.es.closingReport.title} · ${messages.es.closingReport.docx}` }).click();
    const text = await docxText(fs.readFileSync((await (await download).path())!));
    expect(text).toContain(`76 % de 109 — Redujo la vulnerabilidad ${tag}`);
    expect(text).toContain(`96 % de 109 — Efectos duraderos ${tag}`);
  });
});

test.describe("a small group, as the manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("is sent without its n or count by the API and shown as too few on the page, with the next smallest group withheld too", async ({ page }) => {
    const f = messages.fr.evaluations;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);
    const created = await page.request.post(`/api/v1/projects/${projectId}/evaluations`, {
      data: {
        title: { original: "fr", fr: `Petits groupes ${tag}` },
        scaleSize: 4,
        agreeLevels: [3, 4],
        minGroupSize: 5,
        groups: [
          { key: "state", name: { original: "fr", fr: "Institutions de l'État" } },
          { key: "ngo", name: { original: "fr", fr: "Société civile" } },
          { key: "police", name: { original: "fr", fr: "Police et justice" } },
        ],
        statements: [{ key: "q1", text: { original: "fr", fr: `La coordination s'est améliorée ${tag}` } }],
      },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);
    const { id: evaluationId } = (await created.json()) as { id: string };
    // Nine of the state (six agree), seven of civil society (four agree), two police officers who both agree.
    const answers: [string, number[]][] = [
      ["state", [4, 4, 4, 3, 3, 3, 1, 1, 2]],
      ["ngo", [4, 4, 3, 3, 1, 2, 2]],
      ["police", [4, 4]],
    ];
    for (const [group, levels] of answers) {
      for (const q1 of levels)
        expect(
          (await page.request.post(`/api/v1/projects/${projectId}/evaluations/${evaluationId}/responses`, { data: { group, answers: { q1 } }, headers: originHeader })).ok(),
        ).toBe(true);
    }

    const answer = (await (await page.request.get(`/api/v1/projects/${projectId}/evaluations/${evaluationId}/results`)).json()) as {
      results: { overall: unknown; groups: { key: string; figure: unknown }[] }[];
    };
    const figures = Object.fromEntries(answer.results[0]!.groups.map((g) => [g.key, g.figure]));
    expect(figures).toEqual({
      ngo: { shown: false, reason: "protectsSmallGroup" },
      police: { shown: false, reason: "tooFew" },
      state: { shown: true, n: 9, agree: 6, percent: 67 },
    });
    expect(answer.results[0]!.overall).toEqual({ shown: true, n: 18, agree: 12, percent: 67 });

    await page.goto(`/projects/${projectId}/evaluations/${evaluationId}`);
    await expect(page.getByText(f.roundingRule.replace("{min}", "5"))).toBeVisible();
    const statement = page.getByRole("region", { name: `La coordination s'est améliorée ${tag}` });
    await expect(statement).toContainText("67 % de 18");
    await expect(statement).toContainText("67 % de 9");
    await expect(statement).toContainText(f.withheld.tooFew);
    await expect(statement).toContainText(f.withheld.protectsSmallGroup);
    await expect(statement).not.toContainText(/de 2\b|de 7\b|57 %|100 %/);
  });
});

test.describe("the project dashboard, as the partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner"), viewport: { width: 390, height: 844 } });

  test("shows the pinned evaluation figures in Spanish, attendance for the period asked, and reads on a phone", async ({ page }) => {
    const d = messages.es.dashboard;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projects.items[0]!.id}`);
    const pinned = page.getByRole("region", { name: d.pinned });
    await expect(pinned).toContainText("El 76 % de las 109 personas encuestadas está de acuerdo");
    await expect(pinned).toContainText("El 86 % de las 109 personas encuestadas está de acuerdo");
    await expect(pinned).toContainText("El 96 % de las 109 personas encuestadas está de acuerdo");
    await expect(pinned).toContainText("El 96 % de las 51 personas encuestadas (Sociedad civil) está de acuerdo");
    const period = page.getByRole("form", { name: d.period });
    await period.getByLabel(d.from).fill("2019-06-01");
    await period.getByLabel(d.to).fill("2019-06-30");
    await period.getByRole("button", { name: d.apply }).click();
    await expect(page).toHaveURL(/from=2019-06-01/);
    // The Tegucigalpa workshop alone: its 35 people, each once.
    const tile = (label: string) =>
      page
        .locator("dl > div")
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd");
    await expect(tile(messages.es.projects.uniqueParticipants)).toHaveText("35");
    await expect(tile(messages.es.projects.workshopsHeld)).toHaveText("1");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
    // A period ending before it starts is said beside the fields; the page keeps the whole project's figures.
    await period.getByLabel(d.from).fill("2019-06-30");
    await period.getByLabel(d.to).fill("2019-06-01");
    await period.getByRole("button", { name: d.apply }).click();
    await expect(period).toContainText(messages.es.validation.endBeforeStart);
    await expect(pinned).toContainText("El 76 % de las 109 personas encuestadas está de acuerdo");
  });
});

test.describe("an evaluation planned through the form, as the manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("groups and statements one per line, answers through the API, a statement pinned for one group shows on the dashboard", async ({ page }) => {
    const f = messages.fr.evaluations;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);
    await page.goto(`/projects/${projectId}/evaluations`);
    await page.getByRole("link", { name: f.new }).click();
    await page.getByLabel(f.name).fill(`Enquête ${tag}`);
    await page.getByLabel(f.scaleSize).selectOption("4");
    await page.getByLabel(f.level.replace("{level}", "5")).uncheck();
    await page.getByLabel(f.level.replace("{level}", "3")).check();
    await page.getByLabel(f.minGroupSize).fill("2");
    await page.getByLabel(f.groups, { exact: true }).fill("police: Police et justice\nngo: Société civile");
    await page.getByLabel(f.statements, { exact: true }).fill(`q1: Les outils sont utiles ${tag}`);
    await page.getByRole("button", { name: messages.fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Enquête ${tag}` })).toBeVisible();

    const evaluationId = page.url().split("/").pop()!;
    // One paper questionnaire typed in, the others through the API.
    await page.getByText(f.enter).click();
    const entry = page.getByRole("form", { name: f.enter });
    await entry.getByLabel(f.enterGroup).selectOption({ label: "Police et justice" });
    await entry.getByLabel(`Les outils sont utiles ${tag}`).selectOption("4");
    await entry.getByRole("button", { name: f.enterSave }).click();
    await expect(page.getByText(f.entered)).toBeVisible();
    for (const [group, q1] of [
      ["police", 3],
      ["ngo", 1],
      ["ngo", 4],
      ["ngo", 4],
    ] as const) {
      const sent = await page.request.post(`/api/v1/projects/${projectId}/evaluations/${evaluationId}/responses`, { data: { group, answers: { q1 } }, headers: originHeader });
      expect(sent.ok()).toBe(true);
    }
    await page.reload();
    const statement = page.getByRole("region", { name: `Les outils sont utiles ${tag}` });
    await expect(statement).toContainText("80 % de 5");
    const pin = page.getByRole("form", { name: `${f.pin} · Les outils sont utiles ${tag}` });
    await pin.getByLabel(f.pin).selectOption({ label: f.pinGroup.replace("{group}", "Société civile") });
    await pin.getByRole("button", { name: f.pinSave }).click();
    await expect(page.getByText(f.pinned)).toBeVisible();

    // The statement put into Spanish and the group into English from the texts page.
    await page.getByRole("link", { name: f.translate }).click();
    const languages = messages.fr.findings.languages;
    await page.getByRole("group", { name: "q1" }).getByLabel(languages.es).fill(`Las herramientas son útiles ${tag}`);
    await page.getByRole("group", { name: "ngo" }).getByLabel(languages.en).fill("Civil society");
    await page.getByRole("button", { name: messages.fr.common.save }).click();
    await expect(page.getByRole("region", { name: `Les outils sont utiles ${tag}` })).toBeVisible();
    const results = (await (await page.request.get(`/api/v1/projects/${projectId}/evaluations/${evaluationId}/results`)).json()) as {
      results: { text: Record<string, string> }[];
      groups: { key: string; name: Record<string, string> }[];
    };
    expect(results.results[0]!.text).toMatchObject({ original: "fr", fr: `Les outils sont utiles ${tag}`, es: `Las herramientas son útiles ${tag}` });
    expect(results.groups.find((g) => g.key === "ngo")!.name).toMatchObject({ fr: "Société civile", en: "Civil society" });

    await page.goto(`/projects/${projectId}`);
    await expect(page.getByRole("region", { name: messages.fr.dashboard.pinned })).toContainText("67 % des 3 personnes interrogées (Société civile) sont d'accord");
  });
});
