import { describe, expect, it } from "vitest";
import { readCappedBody } from "./capped-body";

/** A request whose body comes in chunks, with no Content-Length, as a chunked upload does. */
const chunked = (chunks: number, size: number) =>
  new Request("http://localhost/", {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("readCappedBody", () => {
  it("reads a body up to the cap, and gives up on one over it whatever its headers said", async () => {
    expect((await readCappedBody(chunked(4, 1000), 4000))?.byteLength).toBe(4000);
    expect(await readCappedBody(chunked(5, 1000), 4000)).toBeNull();
    expect(await readCappedBody(new Request("http://localhost/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "99999" } }), 4000)).toBeNull();
  });
});
