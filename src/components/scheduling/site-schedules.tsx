"use client";
// 考核站点编排 (002 §5.2.8.1): each subject of a plan with its counts and status 未开始 / 未排考 / 排考中 / 已排完 /
// 已结束; 查看 shows its sites, 查看考场编排 its rooms. The org also runs 自动排考 and 发布 from here.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { DetailDialog } from "../catalogue/detail";
import { ListPage } from "../list/list-page";
import { SITE_SCHEDULE_STATUS_LABELS, type SiteScheduleStatus } from "@/domain/scheduling/status";
import { PublishDialog, RunDialog } from "./run-dialog";
import { FileJobButtons } from "./room-schedules";

const TABS = (Object.keys(SITE_SCHEDULE_STATUS_LABELS) as SiteScheduleStatus[]).map((s) => ({ value: s, label: SITE_SCHEDULE_STATUS_LABELS[s] }));
const TONE: Record<SiteScheduleStatus, string> = {
  NOT_STARTED: "text-slate-500",
  UNSCHEDULED: "text-amber-700",
  SCHEDULING: "text-sky-700",
  DONE: "text-emerald-700",
  ENDED: "text-slate-400",
};

export function SiteSchedulesPage({ portal }: { portal: "org" | "school" }) {
  const trpc = useTRPC();
  const [view, setView] = useState<string | null>(null);
  const [dialog, setDialog] = useState<null | "run" | "publish">(null);
  return (
    <>
      <ListPage
        title="考核站点编排"
        description={
          portal === "org"
            ? "排考时间内可对考试计划的全部或部分科目自动排考；排考结果发布后院校和考生才能看到。已发布的准考证号和座位在重新排考时保持不变。"
            : "培训评价组织发布排考结果后，这里显示本校考生所报科目的排考情况；状态按本校考生统计。"
        }
        exportList="siteSchedules"
        exportLabel="批量导出考场编排明细"
        fields={[
          { key: "plan", label: "考试计划" },
          { key: "certificate", label: "考试证书" },
          { key: "subject", label: "考试科目" },
        ]}
        tabs={TABS}
        // The org opens on what awaits it; a school on all its subjects.
        initialTab={portal === "org" ? "UNSCHEDULED" : undefined}
        list={trpc.lists.siteSchedules}
        rowData={(r) => ({ "data-subject": r.subject.name })}
        toolbar={
          portal === "org" && (
            <>
              <button type="button" className="btn-primary" onClick={() => setDialog("run")}>
                自动排考
              </button>
              <button type="button" className="btn-default" onClick={() => setDialog("publish")}>
                发布排考
              </button>
            </>
          )
        }
        columns={[
          { header: "考试计划", cell: (r) => r.plan.name, className: "min-w-40" },
          {
            header: "考试科目",
            cell: (r) => (
              <div>
                <div>{r.subject.name}</div>
                <div className="text-xs text-slate-500">{r.subject.code}</div>
              </div>
            ),
            className: "min-w-32",
          },
          { header: "考试证书", cell: (r) => r.certificate, className: "min-w-40" },
          { header: "考试时间", cell: (r) => r.time, className: "whitespace-nowrap" },
          { header: "报考人数", cell: (r) => r.sittings },
          { header: "已排人数", cell: (r) => r.placed },
          { header: "考场数", cell: (r) => r.rooms },
          {
            header: "状态",
            cell: (r) => (
              <span className={TONE[r.status]}>
                {SITE_SCHEDULE_STATUS_LABELS[r.status]}
                {portal === "org" && r.scheduledAt && <span className="block text-xs text-slate-500">{r.publishedAt ? "已发布" : "未发布"}</span>}
              </span>
            ),
            className: "whitespace-nowrap",
          },
        ]}
        actions={(r) => (
          <span className="flex flex-wrap gap-2">
            <button className="btn-link" onClick={() => setView(r.id)}>
              查看
            </button>
            <Link className="btn-link" href={`/${portal}/scheduling/rooms?plan=${r.plan.code}&subject=${r.subject.code}`}>
              查看考场编排
            </Link>
          </span>
        )}
      />
      {view && <SitesDialog id={view} onClose={() => setView(null)} />}
      {dialog === "run" && <RunDialog onClose={() => setDialog(null)} />}
      {dialog === "publish" && <PublishDialog onClose={() => setDialog(null)} />}
    </>
  );
}

function SitesDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.scheduling.sites.queryOptions({ id }));
  return (
    <DetailDialog title="考点编排明细" onClose={onClose} query={q}>
      {(d) => (
        <div className="space-y-3">
          <p>
            {d.plan} · {d.subject} · {d.time}
          </p>
          {!d.scheduled ? (
            <p className="text-slate-500">该科目尚未排考。</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="考核站点">
              <table className="table">
                <thead>
                  <tr>
                    <th>考核站点编号</th>
                    <th>考核站点</th>
                    <th>所属院校</th>
                    <th>报考人数</th>
                    <th>已排人数</th>
                    <th>考场数</th>
                    <th>考场资料</th>
                  </tr>
                </thead>
                <tbody>
                  {d.sites.map((s) => (
                    <tr key={s.siteId ?? "none"}>
                      <td>{s.code || "—"}</td>
                      <td className={s.siteId ? "" : "text-amber-700"}>{s.name}</td>
                      <td>{s.school || "—"}</td>
                      <td>{s.sittings}</td>
                      <td>{s.placed}</td>
                      <td>{s.rooms}</td>
                      <td>
                        {s.siteId && s.placed > 0 ? (
                          <FileJobButtons target={{ planId: d.planId, subjectId: d.subjectId, siteId: s.siteId }} runs={s.runsSite} compact />
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </DetailDialog>
  );
}
