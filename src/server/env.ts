// Validated settings. APP_MODE=production refuses every demo/test shortcut.
import { z } from "zod";

const schema = z.object({
  APP_MODE: z.enum(["demo", "test", "production"]).default("demo"),
  // npm start and the tests supply an embedded PostgreSQL; production names its cluster.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "须为 postgresql:// 开头的连接串")
    .optional(),
  // A streaming replica for the heavy reads (public lookups, list pages); unset: everything reads the primary.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "须为 postgresql:// 开头的连接串")
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  STORAGE_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符"),
  // The platform's public address: printed in the QR codes of tickets (and later certificates).
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  CAPTCHA_PROVIDER: z.enum(["image", "fixed"]).default("image"),
  // The proof of work beside the image: the browser tries up to this many hashes (half on average).
  CAPTCHA_WORK: z.coerce.number().int().min(1000).max(10_000_000).default(200_000),
  SMS_PROVIDER: z.enum(["outbox", "http"]).default("outbox"),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_DEMO_INBOX: z.enum(["on", "off"]).optional(),
  // 认证: the public-security photo comparison in production (an HTTP relay), the local checks otherwise.
  IDENTITY_PROVIDER: z.enum(["local", "http"]).default("local"),
  IDENTITY_HTTP_URL: z.string().url().optional(),
  IDENTITY_HTTP_TOKEN: z.string().optional(),
  // Proxies in front whose X-Forwarded-For may be believed: a hop count ("1") or their addresses, comma-separated.
  TRUSTED_PROXY: z
    .string()
    .regex(/^(\d+|[0-9a-fA-F.:]+(\s*,\s*[0-9a-fA-F.:]+)*)?$/, "须为代理层数（如 1）或以逗号分隔的代理地址")
    .optional(),
  // The ledger's Ed25519 key (32-byte seed, hex). Without it a local key is made once and kept in the database
  // (demo and test only); production brings its own (or a KMS behind the same signer).
  LEDGER_SIGNING_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "须为 64 位十六进制（32 字节 Ed25519 私钥种子）")
    .optional(),
  AUTH_FREEZE_SECONDS: z.coerce.number().int().positive().default(900),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error("配置错误: " + parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  const env = parsed.data;
  if (env.APP_MODE === "production") {
    if (env.CAPTCHA_PROVIDER === "fixed") throw new Error("配置错误: 生产模式不允许固定验证码 (CAPTCHA_PROVIDER=fixed)");
    if (env.SMS_DEMO_INBOX === "on") throw new Error("配置错误: 生产模式不允许演示短信收件箱");
    if (!env.LEDGER_SIGNING_KEY) throw new Error("配置错误: 生产模式需要 LEDGER_SIGNING_KEY（上链树头签名私钥）");
  }
  if (env.APP_MODE === "production" && !env.DATABASE_URL) throw new Error("配置错误: 生产模式需要 DATABASE_URL");
  if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) throw new Error("配置错误: STORAGE_DRIVER=s3 需要 S3_BUCKET");
  if (env.SMS_PROVIDER === "http" && !env.SMS_HTTP_URL) throw new Error("配置错误: SMS_PROVIDER=http 需要 SMS_HTTP_URL");
  if (env.IDENTITY_PROVIDER === "http" && !env.IDENTITY_HTTP_URL) throw new Error("配置错误: IDENTITY_PROVIDER=http 需要 IDENTITY_HTTP_URL");
  return env;
}

export function env(): Env {
  return (cached ??= loadEnv());
}

/** The demo SMS inbox page: on in demo and test mode unless switched off, never in production. */
export function demoInboxEnabled(e: Env = env()): boolean {
  if (e.APP_MODE === "production") return false;
  return e.SMS_DEMO_INBOX !== "off";
}
