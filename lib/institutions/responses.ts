import { z } from "zod";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { pageOf } from "@/lib/http/declaration";
import { fileTypes } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const createInstitutionOutput = z.object({
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

export const getInstitutionOutput = z.object({
  institution: z.object({
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
  }),
  parent: z.object({ id: z.string(), name: z.string(), acronym: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string(), acronym: z.string(), isActive: z.boolean() })),
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
  z.object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    isActive: z.boolean(),
    acronym: z.string(),
    sector: z.enum(institutionSectors),
    kind: z.enum(institutionKinds),
    level: z.enum(institutionLevels),
    parentName: z.string().nullable(),
  }),
);

export const mergeInstitutionsOutput = z.object({
  institution: z.object({
    id: z.string(),
    name: z.string(),
    acronym: z.string(),
    country: z.string(),
    sector: z.enum(institutionSectors),
    kind: z.enum(institutionKinds),
    level: z.enum(institutionLevels),
    parentId: z.string().nullable(),
    city: z.string(),
    website: z.string(),
    notes: z.string(),
    isActive: z.boolean(),
    searchText: z.string(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  movedChildren: z.number(),
  movedMemberships: z.number(),
});

export const setInstitutionActiveOutput = z.object({ changed: z.boolean() });

export const updateInstitutionOutput = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string(),
  country: z.string(),
  sector: z.enum(institutionSectors),
  kind: z.enum(institutionKinds),
  level: z.enum(institutionLevels),
  parentId: z.string().nullable(),
  city: z.string(),
  website: z.string(),
  notes: z.string(),
  isActive: z.boolean(),
  searchText: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const exportInstitutionsOutput = { file: [fileTypes.csv, fileTypes.xlsx] } as const;
