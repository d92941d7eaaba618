import type { indicatorValues } from "@/db/schema";
import { can } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";

/** A reported value as its answers give it: the file's name and size, never its bytes. */
export function publicValue({ fileData: _bytes, ...value }: typeof indicatorValues.$inferSelect) {
  return value;
}

/** Whether the reader may see a reported value and all of it: partners read approved figures only, without comments or evidence. */
export function valueSeenBy(ctx: UseCaseCtx, value: ReturnType<typeof publicValue>) {
  if (can(ctx.access, "indicatorValues.submit")) return value;
  if (value.status !== "approved") return null;
  return { ...value, comment: "", evidenceUrl: null, fileName: null, fileType: null, fileSize: null, reviewComment: "", submittedById: null, reviewedById: null };
}
