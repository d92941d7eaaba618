import type { ReactNode } from "react";
import { loadCurrentProject } from "@/lib/projects/current-project";

/**
 * Every page of a project, its records' pages included, answers "not found" for a project outside
 * the reader's scope. The pages ask the same cached loader for the project instead of loading it
 * again; each still asks, since a layout is not rendered again when the reader moves between them.
 */
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  await loadCurrentProject((await params).projectId);
  return children;
}
