import type { CreateIndicatorInput, UpdateIndicatorInput } from "@/lib/indicators/schemas";
import { narrativeFromForm } from "@/lib/narrative-form";

const list = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);

/**
 * The indicator form's flat fields as the use cases take them: texts named `statement.es`, a
 * `target.<periodId>` box per period and a `target.<periodId>.<group>` box per group (left blank: no
 * target), evidence as lists of ids, a calculation's parameters as `calculation.<parameter>` (none chosen: reported).
 */
export function indicatorFromForm(values: Record<string, string>): CreateIndicatorInput & Partial<UpdateIndicatorInput> {
  const targets = Object.entries(values)
    .filter(([key, value]) => key.startsWith("target.") && value.trim() !== "")
    .map(([key, value]) => {
      const [periodId = "", ...group] = key.slice("target.".length).split(".");
      return { periodId, group: group.join("."), value };
    });
  return {
    ...Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("calculation."))),
    projectId: values.projectId ?? "",
    resultId: values.resultId ?? "",
    code: values.code ?? "",
    unit: values.unit as "number",
    statement: narrativeFromForm(values, "statement"),
    definition: narrativeFromForm(values, "definition"),
    targets,
    calculation: calculationFromForm(values),
    evidence: { findingIds: list(values.findingIds), workshopIds: list(values.workshopIds), sourceIds: list(values.sourceIds) },
  };
}

/** The calculation chosen and its parameters, boxes left blank left out; none when the actuals are reported. */
function calculationFromForm(values: Record<string, string>): CreateIndicatorInput["calculation"] {
  if (!values["calculation.kind"]) return null;
  const params = Object.entries(values).filter(([key, value]) => key.startsWith("calculation.") && value.trim() !== "");
  return Object.fromEntries(params.map(([key, value]) => [key.slice("calculation.".length), value])) as CreateIndicatorInput["calculation"];
}
