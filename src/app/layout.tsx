import type { Metadata, Viewport } from "next";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";
import { HydrationMark } from "@/components/hydration-mark";

export const metadata: Metadata = {
  title: { default: "职业技能等级证书信息管理服务平台", template: "%s · 职业技能等级证书信息管理服务平台" },
  description: "1+X 职业技能等级证书试点申报、考务组织、成绩与证书管理",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
