"use client";

import { useTranslations } from "next-intl";
import { CheckboxField, type Option } from "@/components/ui/field";

type Props = {
  /** The project's outputs, labelled by code and statement. */
  outputs: Option[];
  chosen: string[];
  error?: string;
};

/** The outputs of the logic model a workshop, a mission or an action contributes to, as `outputIds`. */
export function OutputChoices({ outputs, chosen, error }: Props) {
  const t = useTranslations("logicModel");
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "outputIds-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">{t("outputs")}</legend>
      {outputs.length === 0 && <p className="text-sm text-slate-700">{t("noOutputs")}</p>}
      {outputs.map((o) => (
        <CheckboxField key={o.value} id={`output-${o.value}`} name="outputIds" value={o.value} label={o.label} defaultChecked={chosen.includes(o.value)} />
      ))}
      {error && (
        <p id="outputIds-error" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
