import NextAuth, { CredentialsSignin } from "next-auth";
import { getToken } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { getAuthSecret, getEnv } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { clientAddressFrom } from "./client-address";
import { authenticate } from "./sign-in";

export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** Raised when this address must wait before trying again; the sign-in form reads its code. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

/** Raised when the password is right and the account's second factor asks for its code. */
export class SignInCodeRequired extends CredentialsSignin {
  code = "code_required";
}

/** Raised when the global ceiling on password checks is reached. */
export class SignInBusy extends CredentialsSignin {
  code = "busy";
}

// Lazy configuration: the secret is read at the first request, never during `next build`.
export const { signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  useSecureCookies: getEnv().NODE_ENV === "production",
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const result = await authenticate(getDb(), credentials, clientAddressFrom(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        if (result.reason === "locked") throw new SignInLocked();
        if (result.reason === "busy") throw new SignInBusy();
        if (result.reason === "code_required") throw new SignInCodeRequired();
        return null;
      },
    }),
  ],
  callbacks: {
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl, "/"), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user) token.sessionVersion = (user as { sessionVersion: number }).sessionVersion;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
  logger: {
    // A refused password is an expected event, not a server error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
}));

/**
 * The signed-in user's claims, decoded straight from the session cookie. Sessions are never
 * extended on use (they end 8 h after sign-in), so decoding the token is all that next-auth's
 * session call did here, and it costs a fraction of it on every request.
 */
export async function getSessionClaims(): Promise<{ userId: string; sessionVersion: number } | null> {
  const token = await getToken({ req: { headers: await headers() }, secret: getAuthSecret(), secureCookie: getEnv().NODE_ENV === "production" }).catch(() => null);
  if (!token?.sub || typeof token.sessionVersion !== "number") return null;
  return { userId: token.sub, sessionVersion: token.sessionVersion };
}
