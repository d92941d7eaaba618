/**
 * A project's years as reporting periods, from its first day: 1 Apr 2019 – 31 Mar 2023 gives
 * 2019-2020 … 2022-2023, the last one cut at the project's end.
 */
export function projectYears(startDate: string, endDate: string): { name: string; startDate: string; endDate: string }[] {
  const years: { name: string; startDate: string; endDate: string }[] = [];
  for (let start = startDate; start <= endDate; ) {
    const next = shiftYear(start);
    const last = dayBefore(next);
    const end = last < endDate ? last : endDate;
    const name = start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}-${end.slice(0, 4)}`;
    years.push({ name, startDate: start, endDate: end });
    start = next;
  }
  return years;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shiftYear = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return iso(d);
};
const dayBefore = (day: string) => iso(new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000));
