// Structured logs: one JSON line per event on stdout (pino), carrying the id of the request or job that caused it, so
// one request can be followed across N instances in the log store. Nothing secret or personal leaves: known keys are
// redacted, and every line is scrubbed of ID numbers and mobile numbers on its way out, wherever they hide (an error
// message quoting a row, a stack, a field name nobody thought of).
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

export type LogContext = { requestId: string };

// One store per process: the web server sets it, and Next's bundle (its own copy of this module) reads the same one.
const g = globalThis as unknown as { __vslcLogContext?: AsyncLocalStorage<LogContext> };
export const logContext = (g.__vslcLogContext ??= new AsyncLocalStorage<LogContext>());

const SECRET_KEYS = ["password", "newPassword", "oldPassword", "token", "secret", "cookie", "authorization", "smsCode", "captchaAnswer", "idNumber", "phone"];

// 18-character 居民身份证号码 (not inside a longer run such as a 23-digit 证书编号), and 11-digit mobile numbers.
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** What every line goes through before it is written. */
export function scrub(line: string): string {
  return line.replace(ID_NUMBER, "$1**********$2").replace(MOBILE, "$1****$2");
}

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: "[redacted]" },
      mixin: () => {
        const c = logContext.getStore();
        return c ? { reqId: c.requestId } : {};
      },
      hooks: { streamWrite: scrub },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const lg = globalThis as unknown as { __vslcLog?: Logger };
/** The process's logger. */
export const log: Logger = (lg.__vslcLog ??= createLogger());
