import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { apiFetch, type ApiAnswer } from "./api-fetch";

const getProbe = defineUseCase({
  name: "probe.get",
  access: { kind: "project", permission: "project.read" },
  input: z.object({ projectId: z.uuid(), probeId: z.uuid() }),
  write: false,
  http: [
    { method: "get", path: "/projects/{projectId}/probes/{probeId}", response: z.object({ id: z.uuid(), createdAt: z.date(), tags: z.array(z.string()) }) },
    { method: "get", path: "/projects/{projectId}/probes/{probeId}/export", response: { file: ["text/csv"] } },
  ],
  run: async () => ({ id: "", createdAt: new Date(), tags: [] }),
});

/** A fetch that records the request and answers with `status` and `body`. */
function answering(status: number, body: unknown) {
  const sent: { url: string; init: RequestInit }[] = [];
  const send = async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  };
  return { sent, send };
}

describe("apiFetch", () => {
  it("types the answer from the use case's declared response, dates as the strings JSON carries", () => {
    expectTypeOf<ApiAnswer<typeof getProbe>>().toEqualTypeOf<{ id: string; createdAt: string; tags: string[] }>();
  });

  it("fills the path's parameters and the query, and answers the data", async () => {
    const { sent, send } = answering(200, { id: "p1", createdAt: "2026-01-02T00:00:00.000Z", tags: [] });
    const answer = await apiFetch<typeof getProbe>("GET /projects/{projectId}/probes/{probeId}", { params: { projectId: "a b", probeId: "p1" }, query: { q: "x" }, send });
    expect(sent).toEqual([{ url: "/api/v1/projects/a%20b/probes/p1?q=x", init: { method: "GET" } }]);
    expect(answer).toEqual({ ok: true, status: 200, data: { id: "p1", createdAt: "2026-01-02T00:00:00.000Z", tags: [] } });
  });

  it("sends a body as JSON and answers a refusal with its status and error", async () => {
    const refusal = { error: "invalid", message: "Check the fields", fieldErrors: { title: "Required" } };
    const { sent, send } = answering(400, refusal);
    const answer = await apiFetch<typeof getProbe>("GET /projects/{projectId}/probes/{probeId}", { params: { projectId: "a", probeId: "b" }, body: { title: "" }, send });
    expect(sent[0]?.init).toEqual({ method: "GET", headers: { "Content-Type": "application/json" }, body: '{"title":""}' });
    expect(answer).toEqual({ ok: false, status: 400, error: refusal });
  });

  it("refuses at compile time a route the use case does not serve as JSON, or a missing path parameter", () => {
    const { send } = answering(200, {});
    // @ts-expect-error: the download is no JSON route
    void apiFetch<typeof getProbe>("GET /projects/{projectId}/probes/{probeId}/export", { params: { projectId: "a", probeId: "b" }, send });
    // @ts-expect-error: the method differs from the declaration
    void apiFetch<typeof getProbe>("POST /projects/{projectId}/probes/{probeId}", { params: { projectId: "a", probeId: "b" }, send });
    // @ts-expect-error: probeId is missing
    void apiFetch<typeof getProbe>("GET /projects/{projectId}/probes/{probeId}", { params: { projectId: "a" }, send });
  });
});
