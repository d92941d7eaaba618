import type { CreateIndicatorInput, UpdateIndicatorInput } from "@/lib/indicators/schemas";
import { narrativeFromForm } from "@/lib/narrative-form";

const list = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);

/**
 * The indicator form's flat fields as the use cases take them: texts named `statement.es`, a
 * `target.<periodId>` box per period and a `target.<periodId>.<group>` box per group (left blank: no
 * target), evidence as lists of ids.
 */
export function indicatorFromForm(values: Record<string, string>): CreateIndicatorInput & Partial<UpdateIndicatorInput> {
  const targets = Object.entries(values)
    .filter(([key, value]) => key.startsWith("target.") && value.trim() !== "")
    .map(([key, value]) => {
      const [periodId = "", ...group] = key.slice("target.".length).split(".");
      return { periodId, group: group.join("."), value };
    });
  return {
    ...values,
    projectId: values.projectId ?? "",
    resultId: values.resultId ?? "",
    code: values.code ?? "",
    unit: values.unit as "number",
    statement: narrativeFromForm(values, "statement"),
    definition: narrativeFromForm(values, "definition"),
    targets,
    evidence: { findingIds: list(values.findingIds), workshopIds: list(values.workshopIds), sourceIds: list(values.sourceIds) },
  };
}
