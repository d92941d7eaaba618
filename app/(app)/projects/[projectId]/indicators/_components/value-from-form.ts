import type { SubmitValueInput } from "@/lib/indicators/schemas";

type File = SubmitValueInput["file"];

/** The report form's flat fields as the use case takes them: a `group.<group>` box per group (left blank: not given) and the uploaded file. */
export function valueFromForm(values: Record<string, string>, file: File): SubmitValueInput {
  const groups = Object.entries(values)
    .filter(([key, value]) => key.startsWith("group.") && value.trim() !== "")
    .map(([key, value]) => ({ group: key.slice("group.".length), value }));
  return {
    projectId: values.projectId ?? "",
    indicatorId: values.indicatorId ?? "",
    periodId: values.periodId ?? "",
    value: values.value ?? "",
    comment: values.comment,
    evidenceUrl: values.evidenceUrl,
    groups,
    file,
  };
}
