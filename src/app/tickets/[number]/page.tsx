import { getDb } from "@/server/db";
import { checkTicket } from "@/server/scheduling/ticket-check";
import { PublicShell } from "@/components/public-shell";

export const dynamic = "force-dynamic";
export const metadata = { title: "准考证核验" };

export default async function TicketCheckPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<{ s?: string }> }) {
  const [{ number }, { s }] = await Promise.all([params, searchParams]);
  const t = await checkTicket(getDb(), number, typeof s === "string" ? s : undefined);
  return (
    <PublicShell>
      <article className="card mx-auto max-w-2xl space-y-4 p-6">
        <h1 className="text-xl font-semibold">准考证核验</h1>
        {t ? (
          <>
            <p className="alert-ok" role="status">
              该准考证由本平台签发，考试安排已发布。
            </p>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
              {(
                [
                  ["准考证号", t.ticketNumber],
                  ["姓名", t.name],
                  ["证件号码", t.idNumber],
                  ["所属院校", t.school],
                  ["培训评价组织", t.org],
                  ["考试计划", t.plan],
                  ["考试证书", t.certificate],
                  ["考试科目", t.subject],
                  ["考试时间", t.time],
                  ["考核站点", t.site],
                  ["考场", t.room],
                  ["座位号", String(t.seat ?? "")],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="w-24 shrink-0 text-slate-500">{k}</dt>
                  <dd className="min-w-0 break-all">{v || "—"}</dd>
                </div>
              ))}
            </dl>
            <p className="text-xs text-slate-500">请核对考生本人与有效身份证件；姓名和证件号码已部分隐藏。</p>
          </>
        ) : (
          <p className="alert-error" role="alert">
            未找到该准考证，或核验链接不完整。请扫描准考证上的二维码重新核验，或联系考点工作人员。
          </p>
        )}
      </article>
    </PublicShell>
  );
}
