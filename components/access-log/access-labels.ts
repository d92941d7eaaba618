import type { AccessAction } from "@/db/schema";

/** Catalogue keys (accessLog.actions.*) for each kind of access. */
export const accessActionKeys: Record<AccessAction, "view" | "download" | "duplicates"> = {
  "participant.view": "view",
  "file.download": "download",
  "duplicates.review": "duplicates",
};

const resourceKeys = {
  "participants.get": "participantPage",
  "participants.list": "participantList",
  "participants.export": "participantsExport",
  "participants.exportData": "personalDataExport",
  "participants.duplicates": "duplicatesQueue",
  "attendance.reportFile": "workshopReport",
  "attendance.signInSheet": "signInSheet",
  "attendance.offlineRoster": "offlineRoster",
} as const;

export type ResourceKey = (typeof resourceKeys)[keyof typeof resourceKeys] | "other";

/** Catalogue key (accessLog.resources.*) of the screen or file a use case name stands for. */
export function resourceKey(resource: string): ResourceKey {
  return resourceKeys[resource as keyof typeof resourceKeys] ?? "other";
}
