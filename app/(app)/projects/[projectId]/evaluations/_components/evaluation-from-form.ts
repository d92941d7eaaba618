/** "key: text" lines, as the form takes groups and statements, into the use case's lists. */
function keyedLines(value: string | undefined, language: string) {
  return (value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(":");
      const [key, text] = colon === -1 ? [line, line] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      return { key, text: { original: language, [language]: text } };
    });
}

/** The form as createEvaluation takes it; the use case checks every field. */
export function evaluationFromForm(values: Record<string, string>) {
  const language = values.language ?? "fr";
  return {
    projectId: values.projectId ?? "",
    title: { original: language, [language]: values.title ?? "" },
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    scaleSize: Number(values.scaleSize),
    agreeLevels: (values.agreeLevels ?? "").split(",").filter(Boolean).map(Number),
    minGroupSize: Number(values.minGroupSize || 5),
    groups: keyedLines(values.groups, language).map(({ key, text }) => ({ key, name: text })),
    statements: keyedLines(values.statements, language),
  };
}
