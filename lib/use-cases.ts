import { listAccessLog, listPersonAccesses } from "./access-log/use-cases";
import { getOfflineKey, changePassword, setLocale, signOutEverywhere } from "./account/use-cases";
import {
  recordCheckIns,
  getOfflineRoster,
  getWorkshopReport,
  getWorkshopReportFile,
  getAttendanceDay,
  searchCheckIn,
  getSignInSheet,
  syncOutbox,
  getProjectAttendanceTotals,
} from "./attendance/use-cases";
import { listAudit } from "./audit/use-cases";
import { commitResponseImport, previewResponseImport } from "./imports/evaluations";
import { commitQuestionnaireImport, previewQuestionnaireImport } from "./imports/questionnaires";
import { listOutgoingMail } from "./mail/use-cases";
import { getMailPreferences, setMailPreferences } from "./mail/preferences";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens/use-cases";
import { getCalendarFeed, renewCalendarFeed } from "./calendar/feed";
import { confirmSecondFactor, disableSecondFactor, getSecondFactor, resetSecondFactor, startSecondFactor } from "./account/second-factor";
import { getClosingReport } from "./reports/closing-report";
import { getRetention, runRetentionNow } from "./retention/use-cases";
import { getDashboard } from "./reports/dashboard";
import { getPortfolio } from "./reports/portfolio";
import { addResponse, createEvaluation, getEvaluationResults, listEvaluations, pinStatement, translateEvaluation } from "./evaluations/use-cases";
import { addActionUpdate, createAction, getAction, listActions, updateAction } from "./improvement-actions/use-cases";
import { answerFinding, awaitingMyReview, closeRound, commentOnFinding, getRound, listRounds, openRound } from "./reviews/use-cases";
import { getInstitutionStudyLinks } from "./improvement-actions/for-institution";
import { createFinding, createProjectTheme, getFinding, listFindings, listProjectThemes, updateFinding } from "./findings/use-cases";
import { addBodyMember, createBody, endBodyMembership, getBody, listBodies, removeBodyMembership, updateBody } from "./bodies/use-cases";
import {
  createInstitution,
  getDirectoryPermissions,
  getInstitution,
  listInstitutions,
  mergeInstitutions,
  setInstitutionActive,
  updateInstitution,
  exportInstitutions,
} from "./institutions/use-cases";
import { commitAttendanceImport, previewAttendanceImport } from "./imports/attendance";
import { getStudyReport } from "./reports/study-report";
import { addSource, createStudy, getSourceFile, getStudy, listStudies, removeSource, shareSource, updateStudy } from "./studies/use-cases";
import { commitInstitutionImport, previewInstitutionImport } from "./imports/institutions";
import { commitParticipantImport, previewParticipantImport } from "./imports/participants";
import { readImportFile } from "./imports/read";
import { addMissionNote, createMission, getMission, listMissionMonth, listMissions, updateMission } from "./missions/use-cases";
import { grantRole, listMembers, revokeRole } from "./members/use-cases";
import { exportParticipants, createParticipant, getParticipant, listParticipants, updateParticipant } from "./participants/use-cases";
import { findDuplicates, listDuplicatePairs, markDistinct, mergeParticipants } from "./participants/duplicates";
import { eraseParticipant, exportParticipantData } from "./participants/personal-data";
import { createProject, getProject, listProjects, updateProject } from "./projects/use-cases";
import { createResult, deleteResult, getLogicModel, getResult, moveResult, updateResult } from "./logic-model/use-cases";
import {
  createIndicator,
  createPeriod,
  createYearlyPeriods,
  deleteIndicator,
  deletePeriod,
  getIndicator,
  listIndicators,
  listPeriods,
  updateIndicator,
} from "./indicators/use-cases";
import { getPmf } from "./indicators/pmf";
import { getAnnualReport } from "./reports/annual-report";
import { commitPmfImport, previewPmfImport } from "./imports/pmf";
import { getValueFile, reviewValue, submitValue } from "./indicators/reported-values";
import { getCertificatesFile, getWorkshopCertificates, issueCertificates, revokeCertificate, setCertificateRule } from "./certificates/use-cases";
import { compareWorkshopResults, getQuestionnaireResults } from "./questionnaires/results";
import {
  addQuestionnaireResponse,
  copyQuestionnaire,
  createQuestionnaire,
  getWorkshopQuestionnaires,
  setQuestionnaireStatus,
  updateQuestionnaire,
} from "./questionnaires/use-cases";
import type { UseCase } from "./use-case";
import { createUser, getUser, issueSignInLink, listUsers, setUserActive } from "./users/use-cases";
import { createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from "./workshops/use-cases";

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
  getOfflineKey,
  listAudit,
  listAccessLog,
  listPersonAccesses,
  getRetention,
  runRetentionNow,
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
  exportParticipants,
  exportInstitutions,
  readImportFile,
  previewParticipantImport,
  commitParticipantImport,
  previewInstitutionImport,
  commitInstitutionImport,
  listMissions,
  listMissionMonth,
  getMission,
  createMission,
  updateMission,
  addMissionNote,
  listWorkshops,
  getWorkshop,
  createWorkshop,
  updateWorkshop,
  recordCheckIns,
  getAttendanceDay,
  searchCheckIn,
  getWorkshopReport,
  getWorkshopReportFile,
  getSignInSheet,
  previewAttendanceImport,
  commitAttendanceImport,
  getProjectAttendanceTotals,
  getOfflineRoster,
  syncOutbox,
  getLogicModel,
  getResult,
  createResult,
  updateResult,
  moveResult,
  deleteResult,
  listIndicators,
  getIndicator,
  createIndicator,
  updateIndicator,
  deleteIndicator,
  getPmf,
  getAnnualReport,
  previewPmfImport,
  commitPmfImport,
  submitValue,
  reviewValue,
  getValueFile,
  listPeriods,
  createPeriod,
  createYearlyPeriods,
  deletePeriod,
  listStudies,
  getStudy,
  createStudy,
  updateStudy,
  addSource,
  removeSource,
  shareSource,
  getSourceFile,
  getStudyReport,
  listFindings,
  getFinding,
  createFinding,
  updateFinding,
  createProjectTheme,
  listProjectThemes,
  getInstitutionStudyLinks,
  listActions,
  getAction,
  createAction,
  updateAction,
  addActionUpdate,
  openRound,
  listRounds,
  getRound,
  awaitingMyReview,
  answerFinding,
  commentOnFinding,
  closeRound,
  createEvaluation,
  listEvaluations,
  addResponse,
  getEvaluationResults,
  previewResponseImport,
  commitResponseImport,
  getClosingReport,
  pinStatement,
  translateEvaluation,
  getDashboard,
  getPortfolio,
  getWorkshopCertificates,
  setCertificateRule,
  issueCertificates,
  revokeCertificate,
  getCertificatesFile,
  getWorkshopQuestionnaires,
  createQuestionnaire,
  updateQuestionnaire,
  copyQuestionnaire,
  setQuestionnaireStatus,
  addQuestionnaireResponse,
  previewQuestionnaireImport,
  commitQuestionnaireImport,
  getQuestionnaireResults,
  compareWorkshopResults,
  listOutgoingMail,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  getCalendarFeed,
  renewCalendarFeed,
  getSecondFactor,
  startSecondFactor,
  confirmSecondFactor,
  disableSecondFactor,
  resetSecondFactor,
  getMailPreferences,
  setMailPreferences,
] as unknown as UseCase<never, unknown>[];
