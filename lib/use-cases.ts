import { changePassword, setLocale, signOutEverywhere } from "./account/service";
import { listAudit } from "./audit/service";
import { grantRole, listMembers, revokeRole } from "./members/service";
import { createProject, getProject, listProjects, updateProject } from "./projects/service";
import type { UseCase } from "./use-case";
import { createUser, getUser, issueSignInLink, listUsers, setUserActive } from "./users/service";

/** Every use case, so tests and the API document can enumerate them. */
export const allUseCases: UseCase<never, unknown>[] = [
  listProjects,
  getProject,
  createProject,
  updateProject,
  listMembers,
  grantRole,
  revokeRole,
  listUsers,
  getUser,
  createUser,
  setUserActive,
  issueSignInLink,
  setLocale,
  changePassword,
  signOutEverywhere,
  listAudit,
] as unknown as UseCase<never, unknown>[];
