import { getTranslations } from "next-intl/server";
import { DateField } from "@/components/ui/date-field";
import { SelectField, TextField, type Option } from "@/components/ui/field";

/** The choices of a select, from a list of values and how each one reads. */
export function optionsOf<const Value extends string>(values: readonly Value[], label: (value: Value) => string): Option[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** The free-text search of a list, sent as `q`. */
export async function SearchField({ value, hint, className }: { value?: string; hint?: string; className?: string }) {
  const t = await getTranslations("common");
  return <TextField name="q" type="search" label={t("search")} hint={hint} defaultValue={value} className={className} />;
}

type ChoiceProps = { name: string; label: string; anyLabel: string; value?: string; options: Option[]; error?: string };

/** A filter choosing one value, whose first choice (sent empty) leaves the list unfiltered. */
export function ChoiceFilter({ anyLabel, value, options, ...field }: ChoiceProps) {
  return <SelectField {...field} defaultValue={value ?? ""} options={[{ value: "", label: anyLabel }, ...options]} />;
}

/** What a list is sorted by, sent as `sort`; `value` is the list's default when the URL names none. */
export async function SortSelect({ value, options }: { value: string; options: Option[] }) {
  const t = await getTranslations("common");
  return <SelectField name="sort" label={t("sortBy")} defaultValue={value} options={options} />;
}

type PeriodProps = { from?: string; to?: string; fromLabel: string; toLabel: string; error?: string };

/** A period as two dates, sent as `from` and `to`; a refused period is said under its end. */
export function PeriodFilter({ from, to, fromLabel, toLabel, error }: PeriodProps) {
  return (
    <>
      <DateField name="from" label={fromLabel} defaultValue={from} />
      <DateField name="to" label={toLabel} defaultValue={to} error={error} />
    </>
  );
}
