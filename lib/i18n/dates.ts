/** A calendar date ("2019-06-18") as the instant the formatter expects, in the app's UTC zone. */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
