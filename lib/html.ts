/** Markup already escaped, safe to place inside another `html` template as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

type Part = string | number | SafeHtml | null | undefined | false | Part[];

const partOf = (part: Part): string => {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(partOf).join("");
  return escaped(String(part));
};

/**
 * HTML for the pages served without the app's scripts (a questionnaire answered on a phone): every
 * value placed in it is escaped, text and attribute alike, unless it is itself `html` markup.
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < parts.length ? partOf(parts[i]!) : ""), ""));
}
