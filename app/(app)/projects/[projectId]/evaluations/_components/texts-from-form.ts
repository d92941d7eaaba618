import { locales } from "@/db/schema/values";

/** The form's `group:{id}:{language}` and `statement:{id}:{language}` fields, with each text's original language. */
function narratives(values: Record<string, string>, kind: "group" | "statement") {
  const prefix = `original:${kind}:`;
  return Object.keys(values)
    .filter((name) => name.startsWith(prefix))
    .map((name) => {
      const id = name.slice(prefix.length);
      return { id, text: { original: values[name], ...Object.fromEntries(locales.map((l) => [l, values[`${kind}:${id}:${l}`] ?? ""])) } };
    });
}

/** The form as translateEvaluation takes it (the title, the groups, the statements); the use case checks every field. */
export function textsFromForm(values: Record<string, string>) {
  return {
    projectId: values.projectId ?? "",
    evaluationId: values.evaluationId ?? "",
    version: values.version ?? "",
    title: { original: values["original:title"], ...Object.fromEntries(locales.map((l) => [l, values[`title:${l}`] ?? ""])) },
    groups: narratives(values, "group").map(({ id, text }) => ({ id, name: text })),
    statements: narratives(values, "statement").map(({ id, text }) => ({ id, text })),
  };
}
