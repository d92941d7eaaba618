import { z } from "zod";
import { recordAccess } from "@/lib/access-recording";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/use-cases";
import { expectedPeople } from "./roster";
import { getSignInSheetOutput } from "./responses";

export const signInSheetInput = z.object({ projectId: z.uuid(), workshopId: z.uuid(), day: z.iso.date() });

/** Blank rows after the expected names, for people nobody expected. */
export const blankRows = 15;

/**
 * What a printed sign-in sheet for one day holds: the workshop and the people expected (those
 * of invited institutions and those who came on other days), by name.
 */
export const getSignInSheet = defineUseCase({
  name: "attendance.signInSheet",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/sign-in-sheet", response: getSignInSheetOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: signInSheetInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    if (input.day < workshop.startDate || input.day > workshop.endDate) throw new UseCaseError("invalid", { day: { key: "dayOutsideWorkshop" } });
    const people = await expectedPeople(ctx, workshop.id, input.day);
    await recordAccess(ctx, { action: "file.download", resource: "attendance.signInSheet", projectId: workshop.projectId, workshopId: workshop.id });
    return { workshop, day: input.day, people };
  },
});
