import type { MessageKeys, NestedKeyOf } from "next-intl";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import type { Locale } from "./config";

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, es, fr };

/** A message's whole key, namespace included ("studies.sourceAdded"). */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A message of the `validation` namespace: what a field error names. */
export type ValidationKey = keyof Messages["validation"];

/** Every validation message's key: what the API's field errors may name. */
export const validationKeys = Object.keys(en.validation) as [ValidationKey, ...ValidationKey[]];

/** Whether a text read at run time (a zod refinement's message) names a validation message. */
export const isValidationKey = (key: string): key is ValidationKey => Object.hasOwn(en.validation, key);
