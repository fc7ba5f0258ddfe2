"use client";
// 审核流程 and 审核记录 of an application or a weekly report: the steps as a flow, then who did what, when.
const ACTION_LABELS: Record<string, string> = { SUBMIT: "提交", WITHDRAW: "撤回", APPROVE: "审核通过", RETURN: "审核退回" };
const STAGE_LABELS: Record<string, string> = { CITY: "地市级初审", PROVINCE: "省级审核" };

export type ReviewEventView = { id: string; action: string; stage: string | null; reason: string | null; actor: string; at: Date };

export function ReviewFlow({ steps, current }: { steps: string[]; current: number }) {
  return (
    <ol className="flex flex-wrap items-center gap-2 text-sm" aria-label="审核流程">
      {steps.map((s, i) => (
        <li key={s} className="flex items-center gap-2">
          <span
            className={`flex h-6 w-6 items-center justify-center rounded-full text-xs ${i < current ? "bg-brand-600 text-white" : i === current ? "border-2 border-brand-600 text-brand-700" : "border border-slate-300 text-slate-400"}`}
          >
            {i + 1}
          </span>
          <span className={i <= current ? "text-slate-800" : "text-slate-400"}>{s}</span>
          {i < steps.length - 1 && <span className="text-slate-300">——</span>}
        </li>
      ))}
    </ol>
  );
}

export function ReviewTimeline({ events }: { events: ReviewEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-400">暂无审核记录</p>;
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" aria-label="审核记录">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span
            className={`absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ${e.action === "RETURN" ? "bg-red-500" : e.action === "APPROVE" ? "bg-green-600" : "bg-brand-600"}`}
          />
          <div>
            <b>
              {e.stage && e.action !== "SUBMIT" ? `${STAGE_LABELS[e.stage]}：` : ""}
              {ACTION_LABELS[e.action] ?? e.action}
            </b>
            <span className="ml-2 text-slate-500">{e.actor}</span>
            <span className="ml-2 text-slate-400">{new Date(e.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</span>
          </div>
          {e.reason && (
            <div className="text-slate-600">
              {e.action === "RETURN" ? "退回原因：" : "审核意见："}
              {e.reason}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
