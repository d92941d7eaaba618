import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url().optional(),
  ATELIER_DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ATELIER_DEMO: z.enum(["0", "1"]).default("0"),
  /** The address people reach the app at, for links printed on paper (QR codes); else the request's own. */
  ATELIER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // An empty variable means "not set", as in most shells' `VAR= command`.
    const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const parsed = envSchema.safeParse(present);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

let authSecret: string | undefined;

/**
 * AUTH_SECRET when set; otherwise a random secret generated once into the data folder, so the
 * quick start needs no .env and no secret is ever committed. Read once per process.
 */
export function getAuthSecret(): string {
  authSecret ??= readAuthSecret();
  return authSecret;
}

function readAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.ATELIER_DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.ATELIER_DATA_DIR, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch {
      // Another process wrote it first; read theirs.
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
