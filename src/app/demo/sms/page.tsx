import { notFound } from "next/navigation";
import { demoInboxEnabled } from "@/server/env";
import { AuthPage } from "@/components/site-header";
import { SmsInbox } from "./inbox";

export const metadata = { title: "演示短信收件箱" };
export const dynamic = "force-dynamic";

export default function DemoSms() {
  if (!demoInboxEnabled()) notFound();
  return (
    <AuthPage>
      <SmsInbox />
    </AuthPage>
  );
}
