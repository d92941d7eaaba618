import { describe, expect, it } from "vitest";
import { fileResponse } from "./document-response";

const bytes = new TextEncoder().encode("hola");

describe("fileResponse", () => {
  it("sends the bytes as an attachment that no cache keeps", async () => {
    const response = fileResponse(bytes, "application/pdf", "sign-in-2019-06-18.pdf");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="sign-in-2019-06-18.pdf"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe("hola");
  });

  it.each([
    ["an accent", "informe fiscalía.pdf", "informe%20fiscal%C3%ADa.pdf"],
    ["a quote", 'notas "finales".txt', "notas%20%22finales%22.txt"],
    ["a percent sign", "100%.txt", "100%25.txt"],
    ["a line break", "a\r\nSet-Cookie: x.txt", "a%0D%0ASet-Cookie%3A%20x.txt"],
  ])("percent-encodes a name with %s, so an uploaded file's name cannot break the header", (_label, name, encoded) => {
    expect(fileResponse(bytes, "text/plain", name).headers.get("Content-Disposition")).toBe(`attachment; filename*=UTF-8''${encoded}`);
  });
});
