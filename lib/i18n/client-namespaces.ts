import type { Messages } from "./messages";

export type Namespace = keyof Messages;

/**
 * The namespaces every page sends to the browser (the root layout's provider): what the layouts'
 * client pieces read (the language switcher, the sync status and its refused changes, the error
 * page) and the form messages and buttons nearly every page has. A page whose client components
 * read more sends those too, through PageMessages (components/layout/page-messages.tsx); the rest
 * of the catalogue is worded on the server and never travels. client-namespaces.test.ts fails when
 * a client component reads a namespace its page does not send, or a page sends one none reads.
 */
export const commonNamespaces = ["common", "errorPage", "language", "offline", "participants", "validation"] as const satisfies readonly Namespace[];

const copy = <K extends Namespace>(into: Partial<Messages>, from: Messages, namespace: K) => {
  into[namespace] = from[namespace];
};

/** The common namespaces of a catalogue and the given ones, whole. */
export function pickMessages(messages: Messages, namespaces: readonly Namespace[] = []): Partial<Messages> {
  const picked: Partial<Messages> = {};
  for (const namespace of [...commonNamespaces, ...namespaces]) copy(picked, messages, namespace);
  return picked;
}
