/** The public page's words, from the `publicQuestionnaire` namespace. */
export type Translator = (key: "language" | "anonymous" | "pairingCode" | "pairingCodeHint" | "true" | "false" | "send") => string;
