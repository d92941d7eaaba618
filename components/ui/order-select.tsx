import { getTranslations } from "next-intl/server";
import { SelectField } from "./field";

/** A list filter's ascending/descending choice, sent as `dir`. */
export async function OrderSelect({ value }: { value: "asc" | "desc" }) {
  const t = await getTranslations("common");
  return (
    <SelectField
      name="dir"
      label={t("order")}
      defaultValue={value}
      options={[
        { value: "asc", label: t("ascending") },
        { value: "desc", label: t("descending") },
      ]}
    />
  );
}
