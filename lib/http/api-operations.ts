import { getOfflineKey } from "@/lib/account/offline-key";
import { listAccessLog, listPersonAccesses } from "@/lib/access-log/service";
import { recordCheckIns } from "@/lib/attendance/check-in";
import { getOfflineRoster } from "@/lib/attendance/offline-roster";
import { getWorkshopReport } from "@/lib/attendance/report";
import { getAttendanceDay, searchCheckIn } from "@/lib/attendance/roster";
import { syncOutbox } from "@/lib/attendance/sync";
import { getProjectAttendanceTotals } from "@/lib/attendance/totals";
import { addBodyMember, createBody, endBodyMembership, getBody, listBodies, removeBodyMembership, updateBody } from "@/lib/bodies/service";
import {
  createInstitution,
  getInstitution,
  listInstitutions,
  mergeInstitutions,
  setInstitutionActive,
  updateInstitution,
} from "@/lib/institutions/service";
import { commitAttendanceImport, previewAttendanceImport } from "@/lib/imports/attendance";
import { commitInstitutionImport, previewInstitutionImport } from "@/lib/imports/institutions";
import { commitParticipantImport, previewParticipantImport } from "@/lib/imports/participants";
import { readImportFile } from "@/lib/imports/read";
import { commitResponseImport, previewResponseImport } from "@/lib/evaluations/import";
import { addResponse, createEvaluation, getEvaluationResults, listEvaluations, pinStatement, translateEvaluation } from "@/lib/evaluations/service";
import { exportInstitutions } from "@/lib/institutions/export";
import { getInstitutionStudyLinks } from "@/lib/findings/for-institution";
import { createFinding, createProjectTheme, getFinding, listFindings, listProjectThemes, updateFinding } from "@/lib/findings/service";
import { addActionUpdate, createAction, getAction, listActions, updateAction } from "@/lib/improvement-actions/service";
import { grantRole, listMembers, revokeRole } from "@/lib/members/service";
import { answerFinding, awaitingMyReview, closeRound, commentOnFinding, getRound, listRounds, openRound } from "@/lib/reviews/service";
import { addMissionNote, createMission, getMission, listMissionMonth, listMissions, updateMission } from "@/lib/missions/service";
import { exportParticipants } from "@/lib/participants/export";
import { findDuplicates, listDuplicatePairs, markDistinct, mergeParticipants } from "@/lib/participants/duplicates";
import { eraseParticipant, exportParticipantData } from "@/lib/participants/personal-data";
import { createParticipant, getParticipant, listParticipants, updateParticipant } from "@/lib/participants/service";
import { getDashboard } from "@/lib/projects/dashboard";
import { getPortfolio } from "@/lib/projects/portfolio";
import { createProject, getProject, listProjects, updateProject } from "@/lib/projects/service";
import { getRetention, runRetentionNow } from "@/lib/retention/service";
import { getStudyReport } from "@/lib/studies/report";
import { addSource, createStudy, getStudy, listStudies, removeSource, shareSource, updateStudy } from "@/lib/studies/service";
import type { UseCase } from "@/lib/use-case";
import { createUser, getUser, listUsers, setUserActive } from "@/lib/users/service";
import { createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from "@/lib/workshops/service";

type Method = "get" | "post" | "put" | "patch" | "delete";

export type ApiOperation = { method: Method; path: string; useCase: UseCase<never, unknown>; successStatus: number };

const op = (method: Method, path: string, useCase: unknown, successStatus = 200): ApiOperation => ({
  method,
  path,
  useCase: useCase as UseCase<never, unknown>,
  successStatus,
});

/** The /api/v1 surface: each route file serves its entries, and the OpenAPI document lists them. */
export const apiOperations = {
  listProjects: op("get", "/projects", listProjects),
  createProject: op("post", "/projects", createProject, 201),
  getProject: op("get", "/projects/{projectId}", getProject),
  updateProject: op("patch", "/projects/{projectId}", updateProject),
  listMembers: op("get", "/projects/{projectId}/members", listMembers),
  grantRole: op("post", "/projects/{projectId}/members", grantRole),
  revokeRole: op("delete", "/projects/{projectId}/members/{userId}", revokeRole),
  listUsers: op("get", "/users", listUsers),
  createUser: op("post", "/users", createUser, 201),
  getUser: op("get", "/users/{userId}", getUser),
  setUserActive: op("patch", "/users/{userId}", setUserActive),
  getOfflineKey: op("get", "/account/offline-key", getOfflineKey),
  listInstitutions: op("get", "/institutions", listInstitutions),
  createInstitution: op("post", "/institutions", createInstitution, 201),
  getInstitution: op("get", "/institutions/{institutionId}", getInstitution),
  updateInstitution: op("patch", "/institutions/{institutionId}", updateInstitution),
  setInstitutionActive: op("put", "/institutions/{institutionId}/active", setInstitutionActive),
  mergeInstitution: op("post", "/institutions/{sourceId}/merge", mergeInstitutions),
  listBodies: op("get", "/bodies", listBodies),
  createBody: op("post", "/bodies", createBody, 201),
  getBody: op("get", "/bodies/{bodyId}", getBody),
  updateBody: op("patch", "/bodies/{bodyId}", updateBody),
  addBodyMember: op("post", "/bodies/{bodyId}/members", addBodyMember, 201),
  endBodyMembership: op("patch", "/bodies/{bodyId}/members/{membershipId}", endBodyMembership),
  removeBodyMembership: op("delete", "/bodies/{bodyId}/members/{membershipId}", removeBodyMembership),
  listParticipants: op("get", "/participants", listParticipants),
  createParticipant: op("post", "/participants", createParticipant, 201),
  findDuplicates: op("get", "/participants/duplicates", findDuplicates),
  listDuplicatePairs: op("get", "/participants/duplicate-pairs", listDuplicatePairs),
  getParticipant: op("get", "/participants/{participantId}", getParticipant),
  updateParticipant: op("patch", "/participants/{participantId}", updateParticipant),
  mergeParticipant: op("post", "/participants/{keepId}/merge", mergeParticipants),
  markDistinct: op("post", "/participants/{keepId}/distinct", markDistinct),
  exportParticipantData: op("post", "/participants/{participantId}/export", exportParticipantData),
  eraseParticipant: op("post", "/participants/{participantId}/erase", eraseParticipant),
  exportParticipants: op("get", "/participants/export", exportParticipants),
  exportInstitutions: op("get", "/institutions/export", exportInstitutions),
  readImportFile: op("post", "/imports/read", readImportFile),
  previewParticipantImport: op("post", "/participants/import/preview", previewParticipantImport),
  commitParticipantImport: op("post", "/participants/import/commit", commitParticipantImport),
  previewInstitutionImport: op("post", "/institutions/import/preview", previewInstitutionImport),
  commitInstitutionImport: op("post", "/institutions/import/commit", commitInstitutionImport),
  listMissions: op("get", "/projects/{projectId}/missions", listMissions),
  createMission: op("post", "/projects/{projectId}/missions", createMission, 201),
  listMissionMonth: op("get", "/projects/{projectId}/missions/calendar", listMissionMonth),
  getMission: op("get", "/projects/{projectId}/missions/{missionId}", getMission),
  updateMission: op("patch", "/projects/{projectId}/missions/{missionId}", updateMission),
  addMissionNote: op("post", "/projects/{projectId}/missions/{missionId}/notes", addMissionNote, 201),
  listWorkshops: op("get", "/projects/{projectId}/workshops", listWorkshops),
  createWorkshop: op("post", "/projects/{projectId}/workshops", createWorkshop, 201),
  getWorkshop: op("get", "/projects/{projectId}/workshops/{workshopId}", getWorkshop),
  updateWorkshop: op("patch", "/projects/{projectId}/workshops/{workshopId}", updateWorkshop),
  recordCheckIns: op("post", "/projects/{projectId}/workshops/{workshopId}/check-ins", recordCheckIns),
  getAttendanceDay: op("get", "/projects/{projectId}/workshops/{workshopId}/attendance", getAttendanceDay),
  getWorkshopReport: op("get", "/projects/{projectId}/workshops/{workshopId}/report", getWorkshopReport),
  previewAttendanceImport: op("post", "/projects/{projectId}/workshops/{workshopId}/import/preview", previewAttendanceImport),
  commitAttendanceImport: op("post", "/projects/{projectId}/workshops/{workshopId}/import/commit", commitAttendanceImport),
  getProjectAttendanceTotals: op("get", "/projects/{projectId}/attendance-totals", getProjectAttendanceTotals),
  getOfflineRoster: op("get", "/projects/{projectId}/workshops/{workshopId}/offline-roster", getOfflineRoster),
  syncOutbox: op("post", "/projects/{projectId}/workshops/{workshopId}/sync", syncOutbox),
  searchCheckIn: op("get", "/projects/{projectId}/workshops/{workshopId}/check-in-search", searchCheckIn),
  listStudies: op("get", "/projects/{projectId}/studies", listStudies),
  createStudy: op("post", "/projects/{projectId}/studies", createStudy, 201),
  getStudy: op("get", "/projects/{projectId}/studies/{studyId}", getStudy),
  updateStudy: op("patch", "/projects/{projectId}/studies/{studyId}", updateStudy),
  addSource: op("post", "/projects/{projectId}/studies/{studyId}/sources", addSource, 201),
  removeSource: op("delete", "/projects/{projectId}/studies/{studyId}/sources/{sourceId}", removeSource),
  shareSource: op("patch", "/projects/{projectId}/studies/{studyId}/sources/{sourceId}", shareSource),
  getStudyReport: op("get", "/projects/{projectId}/studies/{studyId}/report", getStudyReport),
  listFindings: op("get", "/projects/{projectId}/studies/{studyId}/findings", listFindings),
  createFinding: op("post", "/projects/{projectId}/studies/{studyId}/findings", createFinding, 201),
  getFinding: op("get", "/projects/{projectId}/studies/{studyId}/findings/{findingId}", getFinding),
  updateFinding: op("patch", "/projects/{projectId}/studies/{studyId}/findings/{findingId}", updateFinding),
  listProjectThemes: op("get", "/projects/{projectId}/themes", listProjectThemes),
  createProjectTheme: op("post", "/projects/{projectId}/themes", createProjectTheme, 201),
  getInstitutionStudyLinks: op("get", "/institutions/{institutionId}/study-links", getInstitutionStudyLinks),
  listActions: op("get", "/projects/{projectId}/actions", listActions),
  createAction: op("post", "/projects/{projectId}/actions", createAction, 201),
  getAction: op("get", "/projects/{projectId}/actions/{actionId}", getAction),
  updateAction: op("patch", "/projects/{projectId}/actions/{actionId}", updateAction),
  addActionUpdate: op("post", "/projects/{projectId}/actions/{actionId}/updates", addActionUpdate, 201),
  listRounds: op("get", "/projects/{projectId}/studies/{studyId}/reviews", listRounds),
  openRound: op("post", "/projects/{projectId}/studies/{studyId}/reviews", openRound, 201),
  awaitingMyReview: op("get", "/projects/{projectId}/reviews/awaiting", awaitingMyReview),
  getRound: op("get", "/projects/{projectId}/reviews/{roundId}", getRound),
  closeRound: op("post", "/projects/{projectId}/reviews/{roundId}/close", closeRound),
  answerFinding: op("post", "/projects/{projectId}/reviews/{roundId}/answers", answerFinding),
  listEvaluations: op("get", "/projects/{projectId}/evaluations", listEvaluations),
  createEvaluation: op("post", "/projects/{projectId}/evaluations", createEvaluation, 201),
  addResponse: op("post", "/projects/{projectId}/evaluations/{evaluationId}/responses", addResponse),
  previewResponseImport: op("post", "/projects/{projectId}/evaluations/{evaluationId}/import/preview", previewResponseImport),
  commitResponseImport: op("post", "/projects/{projectId}/evaluations/{evaluationId}/import/commit", commitResponseImport),
  getPortfolio: op("get", "/portfolio", getPortfolio),
  listAccessLog: op("get", "/access-log", listAccessLog),
  listPersonAccesses: op("get", "/participants/{participantId}/accesses", listPersonAccesses),
  getRetention: op("get", "/retention", getRetention),
  runRetentionNow: op("post", "/retention/runs", runRetentionNow, 201),
  getDashboard: op("get", "/projects/{projectId}/dashboard", getDashboard),
  pinStatement: op("post", "/projects/{projectId}/evaluations/{evaluationId}/pins", pinStatement),
  translateEvaluation: op("put", "/projects/{projectId}/evaluations/{evaluationId}/texts", translateEvaluation),
  getEvaluationResults: op("get", "/projects/{projectId}/evaluations/{evaluationId}/results", getEvaluationResults),
  commentOnFinding: op("post", "/projects/{projectId}/reviews/{roundId}/comments", commentOnFinding, 201),
} satisfies Record<string, ApiOperation>;
