import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";
import { HydrationMark } from "@/components/hydration-mark";

export const metadata: Metadata = {
  title: { default: "职业技能等级证书信息管理服务平台", template: "%s · 职业技能等级证书信息管理服务平台" },
  description: "1+X 职业技能等级证书试点申报、考务组织、成绩与证书管理",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next can put this response's CSP nonce (src/proxy.ts) only on scripts it
  // renders now, and a page prerendered at build time would carry none and not run.
  await connection();
  return (
    <html lang="zh-CN">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
