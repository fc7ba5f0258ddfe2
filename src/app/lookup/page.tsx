import { PublicShell } from "@/components/public-shell";
import { Lookup } from "@/components/public/lookup";

export const metadata = { title: "成绩/证书查询" };

export default async function LookupPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const { tab } = await searchParams;
  return (
    <PublicShell>
      <Lookup key={tab} tab={tab === "certificates" ? "certificates" : "scores"} />
    </PublicShell>
  );
}
