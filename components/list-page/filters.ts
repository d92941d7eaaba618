/** A list's filters as they stand in the URL, by parameter name. */
export type Filters<Name extends string> = Partial<Record<Name, string>>;

/**
 * Reads a list's filters from the page's search parameters; an empty parameter counts as absent.
 * Every filter lives in the URL, so a filtered view can be bookmarked and shared.
 */
export function readFilters<const Name extends string>(names: readonly Name[], params: Filters<Name>): Filters<Name> {
  const filters: Filters<Name> = {};
  for (const name of names) {
    const value = params[name];
    if (value) filters[name] = value;
  }
  return filters;
}

const orderParams = new Set(["sort", "dir"]);

/**
 * Whether the list is narrowed, which decides between "nothing matches" and "nothing yet" and
 * whether to offer clearing the filters. The order never narrows; nor does a filter at the value
 * the list takes when it is absent (`neutral`, e.g. a status list that shows all by default).
 */
export function isFiltered(filters: Record<string, string | undefined>, neutral: Record<string, string> = {}): boolean {
  return Object.entries(filters).some(([name, value]) => Boolean(value) && !orderParams.has(name) && value !== neutral[name]);
}

/** A list's address with the given parameters, the empty ones left out. */
export function listHref(basePath: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  return `${basePath}?${query}`;
}
