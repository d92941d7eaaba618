import { storageStateFor } from "./support/accounts";
import { expect, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const newProject = (code: string) => ({
  code,
  name: { original: "en", en: "Origin check" },
  country: "GT",
  startDate: "2025-01-01",
  endDate: "2025-12-31",
  status: "planned",
});

test.describe("API writes", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a write with a foreign or missing Origin is refused and writes nothing", async ({ request }) => {
    const code = `ORIGIN-${Date.now()}`;
    const foreign = await request.post("/api/v1/projects", { data: newProject(code), headers: { Origin: "https://attacker.example" } });
    expect(foreign.status()).toBe(403);
    const missing = await request.post("/api/v1/projects", { data: newProject(code) });
    expect(missing.status()).toBe(403);
    const search = (await (await request.get(`/api/v1/projects?q=${code}`)).json()) as { total: number };
    expect(search.total).toBe(0);

    const accepted = await request.post("/api/v1/projects", { data: newProject(code), headers: originHeader });
    expect(accepted.status()).toBe(201);
  });

  test("the OpenAPI document lists every operation with its input schema and its responses, downloads included", async ({ request }) => {
    type Operation = { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/projects", "/projects/{projectId}", "/projects/{projectId}/members", "/projects/{projectId}/members/{userId}", "/users", "/users/{userId}"]),
    );
    expect(doc.paths["/projects"]!.post!.requestBody).toBeTruthy();
    expect(Object.keys(doc.paths["/projects"]!.post!.responses["201"]!.content!)).toEqual(["application/json"]);
    expect(Object.keys(doc.paths["/participants/export"]!.get!.responses["200"]!.content!)).toEqual([
      "text/csv; charset=utf-8",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(doc.paths["/projects/{projectId}/workshops/{workshopId}/sign-in-sheet"]!.get!.responses["200"]!.content).toHaveProperty(["application/pdf"]);
  });
});

test.describe("API validation", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("bad input answers 400 with per-field messages in the caller's language, and writes nothing", async ({ request }) => {
    const list = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = list.items[0]!.id;
    const before = (await (await request.get(`/api/v1/projects/${projectId}`)).json()) as { project: Record<string, unknown> };
    const response = await request.patch(`/api/v1/projects/${projectId}`, {
      data: { ...before.project, name: { original: "fr", fr: "  " }, endDate: "2001-01-01" },
      headers: originHeader,
    });
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { error: string; message: string; fieldErrors: Record<string, string> };
    expect(body).toMatchObject({ error: "invalid", message: messages.fr.errors.invalid });
    expect(body.fieldErrors["name.fr"]).toBe(messages.fr.validation.required);
    expect(body.fieldErrors.endDate).toBe(messages.fr.validation.endBeforeStart);
    const after = (await (await request.get(`/api/v1/projects/${projectId}`)).json()) as { project: Record<string, unknown> };
    expect(after.project).toEqual(before.project);
  });
});

test("anonymous API calls answer 401 and pages send visitors to sign-in", async ({ request, page }) => {
  expect((await request.get("/api/v1/projects")).status()).toBe(401);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("every response carries the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the session cookie is HttpOnly, SameSite=Lax and Secure", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("field") });
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await context.close();
});
