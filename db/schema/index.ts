export * from "./values";
export * from "./users";
export * from "./projects";
export * from "./audit";
export * from "./settings";
export * from "./institutions";
export * from "./participants";
export * from "./imports";
