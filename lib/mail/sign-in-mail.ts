import type { Db } from "@/db/client";
import { wordingFor } from "@/lib/i18n/wording";
import { enqueueMail, type Recipient } from "./queue";

/** The invitation to a new account, or its resending: the one-time link to choose a password. */
export function queueInvitation(db: Db, to: Recipient, token: string) {
  const { t } = wordingFor(to.locale);
  const app = t("app.name");
  return enqueueMail(db, "invitation", to, (origin) => ({
    subject: t("mail.invitation.subject", { app }),
    paragraphs: [t("mail.invitation.body", { app })],
    action: { label: t("mail.invitation.action"), url: `${origin}/sign-in/link/${token}` },
  }));
}

/** The link to choose a new password, asked for from the sign-in page. */
export function queuePasswordReset(db: Db, to: Recipient, token: string) {
  const { t } = wordingFor(to.locale);
  const app = t("app.name");
  return enqueueMail(db, "password_reset", to, (origin) => ({
    subject: t("mail.passwordReset.subject", { app }),
    paragraphs: [t("mail.passwordReset.body", { app })],
    action: { label: t("mail.passwordReset.action"), url: `${origin}/sign-in/link/${token}` },
  }));
}
