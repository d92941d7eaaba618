import "server-only";
import { cache } from "react";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getProject } from "./use-cases";

/**
 * The project a page under `/projects/[projectId]` belongs to, with the reader's access to it:
 * loaded once per request however many of the layout and its pages ask, and "not found" for a
 * project outside the reader's scope.
 */
export const loadCurrentProject = cache(async (projectId: string) => unwrapForPage(await getProject(await getPageContext(), { projectId })));
