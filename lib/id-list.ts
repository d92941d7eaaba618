import { z } from "zod";

/** A list of ids, sent by the API as an array or by a form as one comma-separated field. */
export const idList = (max: number) => z.preprocess((v) => (v === undefined || v === "" ? [] : typeof v === "string" ? v.split(",") : v), z.array(z.uuid()).max(max));
