/** The keys of a namespace that hold a message (not a nested namespace). */
type MessageNames<Namespace> = { [K in keyof Namespace]: Namespace[K] extends string ? K : never }[keyof Namespace] & string;

/** Whether a code known only as a string (a count's key, an answer read back) is one of `values`, so the message named after it has a typed key. */
export const isOneOf = <Value extends string>(values: readonly Value[], code: string): code is Value => (values as readonly string[]).includes(code);

/**
 * Whether a name known only at run time (a field the server names in a refusal) has a message in
 * `namespace` (from useMessages()), so it can be translated with a typed key or else shown as it is.
 */
export const hasMessage = <Namespace extends object>(namespace: Namespace | undefined, name: string): name is MessageNames<Namespace> =>
  namespace !== undefined && typeof Reflect.get(namespace, name) === "string";
