import type { Messages } from "./messages";

/**
 * The catalogue's namespaces that client components read (useTranslations, useMessages): the only
 * ones the root layout sends to the browser. The rest (documents, dashboards, the audit and access
 * logs, navigation) is worded on the server and never travels. client-namespaces.test.ts fails
 * when a client component reads a namespace missing here.
 */
export const clientNamespaces = [
  "account",
  "attendanceImport",
  "auth",
  "bodies",
  "checkIn",
  "common",
  "errorPage",
  "errors",
  "evaluations",
  "findings",
  "imports",
  "improvementActions",
  "institutions",
  "language",
  "members",
  "missions",
  "offline",
  "participants",
  "projects",
  "retention",
  "reviews",
  "roles",
  "studies",
  "users",
  "validation",
  "workshops",
] as const satisfies readonly (keyof Messages)[];

const copy = <K extends keyof Messages>(into: Partial<Messages>, from: Messages, namespace: K) => {
  into[namespace] = from[namespace];
};

/** The part of a catalogue client components read. */
export function clientMessages(messages: Messages): Partial<Messages> {
  const picked: Partial<Messages> = {};
  for (const namespace of clientNamespaces) copy(picked, messages, namespace);
  return picked;
}
