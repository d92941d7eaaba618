import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext } from "@/lib/request-context";

// Admin areas do not exist for anyone else; each use case also refuses on its own.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await getPageContext();
  if (!can(globalAccess(user), "administration")) notFound();
  return children;
}
