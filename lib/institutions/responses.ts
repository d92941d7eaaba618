import { z } from "zod";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { fileTypes, pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** An institution as stored. Other domains import it. */
export const institutionRow = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  isActive: z.boolean(),
  notes: z.string(),
  city: z.string(),
  acronym: z.string(),
  sector: z.enum(institutionSectors),
  kind: z.enum(institutionKinds),
  level: z.enum(institutionLevels),
  parentId: z.string().nullable(),
  website: z.string(),
  searchText: z.string(),
});

export const createInstitutionOutput = institutionRow;

export const getInstitutionOutput = z.object({
  institution: institutionRow,
  parent: institutionRow.pick({ id: true, name: true, acronym: true }).nullable(),
  children: z.array(institutionRow.pick({ id: true, name: true, acronym: true, isActive: true })),
  bodies: z.array(
    z.object({
      membershipId: z.string(),
      bodyId: z.string(),
      name: z.string(),
      acronym: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
  workshops: z.array(
    z.object({
      workshopId: z.string(),
      projectId: z.string(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      people: z.number(),
    }),
  ),
  canEdit: z.boolean(),
  canCurate: z.boolean(),
});

export const listInstitutionsOutput = pageOf(
  institutionRow.pick({ id: true, name: true, country: true, isActive: true, acronym: true, sector: true, kind: true, level: true }).extend({ parentName: z.string().nullable() }),
);

export const mergeInstitutionsOutput = z.object({
  institution: institutionRow,
  movedChildren: z.number(),
  movedMemberships: z.number(),
});

export const setInstitutionActiveOutput = z.object({ changed: z.boolean() });

export const updateInstitutionOutput = institutionRow;

export const exportInstitutionsOutput = { file: [fileTypes.csv, fileTypes.xlsx] } as const;
