import type { ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "./button";

/** A file the server makes (CSV, Excel, PDF): a plain download link, never a client-side navigation. */
export function DownloadLink({ href, variant = "secondary", children }: { href: string; variant?: ButtonVariant; children: ReactNode }) {
  return (
    <a href={href} className={buttonClass(variant)} download>
      {children}
    </a>
  );
}
