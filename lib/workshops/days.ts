/** The longest workshop the app accepts, in days: enough for any training cycle, small enough to list. */
export const maxWorkshopDays = 31;

/** Every calendar day from start to end, inclusive, as ISO dates. */
export function workshopDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  const day = new Date(`${startDate}T00:00:00Z`);
  const end = new Date(`${endDate}T00:00:00Z`);
  while (day <= end && days.length <= maxWorkshopDays) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** The day a check-in screen opens on: today during the workshop, else its first day (or last, once over). */
export function defaultDay(startDate: string, endDate: string, today: string): string {
  if (today < startDate) return startDate;
  if (today > endDate) return endDate;
  return today;
}
