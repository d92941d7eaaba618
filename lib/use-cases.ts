import { changePassword, setLocale, signOutEverywhere } from "./account/service";
import { listAudit } from "./audit/service";
import { addBodyMember, createBody, endBodyMembership, getBody, listBodies, removeBodyMembership, updateBody } from "./bodies/service";
import {
  createInstitution,
  getDirectoryPermissions,
  getInstitution,
  listInstitutions,
  mergeInstitutions,
  setInstitutionActive,
  updateInstitution,
} from "./institutions/service";
import { grantRole, listMembers, revokeRole } from "./members/service";
import { findDuplicates, listDuplicatePairs, markDistinct, mergeParticipants } from "./participants/duplicates";
import { eraseParticipant, exportParticipantData } from "./participants/personal-data";
import { createParticipant, getParticipant, listParticipants, updateParticipant } from "./participants/service";
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
  listInstitutions,
  getDirectoryPermissions,
  getInstitution,
  createInstitution,
  updateInstitution,
  setInstitutionActive,
  mergeInstitutions,
  listBodies,
  getBody,
  createBody,
  updateBody,
  addBodyMember,
  endBodyMembership,
  removeBodyMembership,
  listParticipants,
  getParticipant,
  createParticipant,
  updateParticipant,
  findDuplicates,
  listDuplicatePairs,
  markDistinct,
  mergeParticipants,
  exportParticipantData,
  eraseParticipant,
] as unknown as UseCase<never, unknown>[];
