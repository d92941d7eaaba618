import { projectRoles, type ProjectRole } from "@/db/schema/values";

/** A role in one project, or the administrator, who holds it everywhere. */
export type Role = ProjectRole | "admin";

/**
 * Every permission, named by what it allows, with the roles that hold it: the one place where a role
 * means something. Use cases declare the permission they need, services and pages ask `can(...)`,
 * and the authorization matrix test reads the same table, so a page never offers what the service
 * refuses. A role counts only in the project that owns the data (the directory, which belongs to no
 * project, takes the strongest role held anywhere).
 */
const policy = {
  // Projects
  "project.read": ["admin", "manager", "field", "partner"],
  "project.edit": ["admin", "manager"],
  /** Every project, and the people, workshops and history of all of them, without being a member. */
  "project.readAll": ["admin"],
  /** Grant and revoke roles; open a member's account. */
  "members.manage": ["admin"],
  /** The members' e-mail addresses: for the people who run the project. */
  "members.readContacts": ["admin", "manager"],
  /** Names are shared among the staff; another organisation's people (partners) see the staff's names and their own. */
  "members.readEveryName": ["admin", "manager", "field"],
  /** Create projects; users, the audit trail, the access log, retention and the portfolio. */
  administration: ["admin"],
  // Workshops and attendance
  "workshops.edit": ["admin", "manager"],
  /** The team's minutes of a workshop. */
  "workshops.readMinutes": ["admin", "manager", "field"],
  /** Check people in, print sign-in sheets, import attendance, keep a roster offline. */
  "attendance.record": ["admin", "manager", "field"],
  /** Issue and revoke workshops' certificates of attendance (setting who qualifies is "workshops.edit"). */
  "certificates.issue": ["admin", "manager"],
  /** Write a workshop's pre-test, post-test and feedback form, copy one, open and close it. */
  "questionnaires.edit": ["admin", "manager"],
  /** Type in answers from paper forms. */
  "questionnaires.enter": ["admin", "manager", "field"],
  // Missions
  /** See the project's missions (field staff only those they travel on), travel on one, write in its notes. */
  "missions.read": ["admin", "manager", "field"],
  "missions.readAll": ["admin", "manager"],
  "missions.edit": ["admin", "manager"],
  // Baseline studies, findings, review rounds, improvement actions
  "studies.edit": ["admin", "manager"],
  /** Every source's link and file; a partner reaches only the shared sources of a study out of planning. */
  "studies.readSources": ["admin", "manager", "field"],
  "findings.edit": ["admin", "manager"],
  /** Findings still in draft. */
  "findings.readDrafts": ["admin", "manager", "field"],
  /** Open and close review rounds. */
  "reviews.manage": ["admin", "manager"],
  /** Every round of a study, every answer, and who was asked. */
  "reviews.readAll": ["admin", "manager", "field"],
  /** Be asked in a review round (and answer it when asked). */
  "reviews.answer": ["partner"],
  /** Create and edit improvement actions, and report progress on any of them (an owner reports on their own). */
  "improvementActions.edit": ["admin", "manager"],
  // The results framework
  /** Build the logic model: add, edit, reorder and remove expected results. */
  "logicModel.edit": ["admin", "manager"],
  /** Report an indicator's value for a period, with its evidence, and read the evidence reported. */
  "indicatorValues.submit": ["admin", "manager", "field"],
  /** Approve a reported value, so it counts, or send it back with a comment. */
  "indicatorValues.approve": ["admin", "manager"],
  // Evaluations
  "evaluations.edit": ["admin", "manager"],
  /** Type in or import survey responses. */
  "evaluations.enterResponses": ["admin", "manager", "field"],
  // The shared directory of institutions and bodies
  "directory.read": ["admin", "manager", "field", "partner"],
  "directory.edit": ["admin", "manager", "field"],
  /** Deactivate and merge institutions, keep the coordination bodies and their members. */
  "directory.curate": ["admin", "manager"],
  /** Read a spreadsheet for an import. */
  "imports.readFile": ["admin", "manager", "field"],
  // People (participants): partners never see them by name
  "participants.read": ["admin", "manager", "field"],
  "participants.edit": ["admin", "manager", "field"],
  /** Merge, tell apart, export a person's data, erase them, and see who accessed their data. */
  "participants.curate": ["admin", "manager"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof policy;

export const permissions = Object.keys(policy) as Permission[];

/** Whether someone acting with `access` (null: no role here) holds `permission`. */
export function can(access: Role | null | undefined, permission: Permission): boolean {
  return access != null && (policy[permission] as readonly Role[]).includes(access);
}

/** The project roles that hold `permission`, for a declaration or a query on memberships. */
export function rolesWith(permission: Permission): ProjectRole[] {
  return (policy[permission] as readonly Role[]).filter((role): role is ProjectRole => role !== "admin");
}

/** The project roles that do not hold `permission`. */
export function rolesWithout(permission: Permission): ProjectRole[] {
  const holders = rolesWith(permission);
  return projectRoles.filter((role) => !holders.includes(role));
}

/** Outside any project (admin areas, the list of projects), only the administrator's role counts. */
export function globalAccess(user: { isAdmin: boolean }): Role | null {
  return user.isAdmin ? "admin" : null;
}

/** The strongest of the roles held (`projectRoles` runs from the strongest to the weakest). */
export function strongestRole(held: Iterable<ProjectRole>): ProjectRole | undefined {
  const set = new Set(held);
  return projectRoles.find((role) => set.has(role));
}
