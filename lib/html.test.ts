import { describe, expect, it } from "vitest";
import { html } from "./html";

describe("html", () => {
  it("escapes every value, in text and attributes, and keeps nested markup as it is", () => {
    const hostile = `"><script>alert('x')</script>&`;
    expect(String(html`<p title="${hostile}">${hostile}</p>`)).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
    expect(String(html`<ul>${["a<b", "c"].map((x) => html`<li>${x}</li>`)}</ul>${null}${false}${3}`)).toBe("<ul><li>a&lt;b</li><li>c</li></ul>3");
  });
});
