import type { ResultLevel } from "@/db/schema/values";

/** The level of the results that sit under one of each level: outputs have none. */
export const childLevel: Record<ResultLevel, ResultLevel | null> = { ultimate: "intermediate", intermediate: "immediate", immediate: "output", output: null };
