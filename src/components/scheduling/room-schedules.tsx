"use client";
// 考场编排 (002 §5.2.8.2; 001 §3.1.2.9): each room's sitting of a subject with its invigilators, patrols and count;
// 查看 opens the room as the manual's 查询考场编排 (candidates with masked ID, 准考证号, school, seat) and its
// documents. The school that runs the room sees every candidate in it; another school only its own.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, InfoGrid, Section } from "../catalogue/detail";
import { ListPage } from "../list/list-page";
import { FileJobButton } from "@/components/list/file-job-button";
import { DutyDialog, MoveDialog } from "./adjust-dialogs";

type Target = { roomScheduleId: string } | { planId: string; subjectId: string; siteId: string };
const DOCUMENTS = [
  ["TICKETS", "导出准考证"],
  ["DOOR_SIGNS", "下载考场门贴"],
  ["DESK_STICKERS", "下载考场桌贴"],
  ["SIGN_IN_SHEETS", "下载考场签到表"],
] as const;

/** The four documents of a room (or of a site's rooms for a subject);门贴、桌贴、签到表 only for whoever runs them. */
export function FileJobButtons({ target, runs, compact }: { target: Target; runs: boolean; compact?: boolean }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.scheduling.document.mutationOptions());
  return (
    <div className={`flex flex-wrap gap-2 ${compact ? "" : "border-t border-slate-200 pt-3"}`}>
      {DOCUMENTS.filter(([kind]) => runs || kind === "TICKETS").map(([kind, label]) => (
        <FileJobButton key={kind} label={label} className={compact ? "btn-link" : "btn-default"} request={() => request.mutateAsync({ kind, ...target })} />
      ))}
    </div>
  );
}

export function RoomSchedulesPage({ portal }: { portal: "org" | "school" }) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const [view, setView] = useState<string | null>(null);
  return (
    <>
      <ListPage
        title="考场编排"
        description={
          portal === "org"
            ? "已排考科目的考场安排，含未发布的；发布后院校可查看并下载考场资料。"
            : "已发布排考结果的考场：本校设置或承办的考场，以及本校考生参加考试的考场。"
        }
        exportList="roomSchedules"
        exportLabel="批量导出考场编排记录"
        fields={[
          { key: "plan", label: "考试计划", defaultValue: params.get("plan") ?? "" },
          { key: "subject", label: "考试科目", defaultValue: params.get("subject") ?? "" },
          { key: "site", label: "考核站点" },
          { key: "room", label: "考场名称" },
          ...(portal === "org" ? [{ key: "school" as const, label: "所属院校" }] : []),
        ]}
        list={trpc.lists.roomSchedules}
        rowData={(r) => ({ "data-room": r.room.name })}
        columns={[
          { header: "考场名称", cell: (r) => r.room.name, className: "min-w-28" },
          { header: "考核站点", cell: (r) => r.site.name, className: "min-w-40" },
          {
            header: "考试科目",
            cell: (r) => (
              <div>
                <div>{r.planSubject.subject.name}</div>
                <div className="text-xs text-slate-500">{r.certificate}</div>
              </div>
            ),
            className: "min-w-40",
          },
          { header: "考试时间", cell: (r) => r.time, className: "whitespace-nowrap" },
          { header: "监考老师", cell: (r) => r.invigilators.join("、") || "—", className: "min-w-24" },
          { header: "巡考老师", cell: (r) => r.patrols.join("、") || "—", className: "min-w-24" },
          { header: "应考人数", cell: (r) => r.candidates },
        ]}
        actions={(r) => (
          <button className="btn-link" onClick={() => setView(r.id)}>
            查看
          </button>
        )}
      />
      {view && <RoomDetail id={view} onClose={() => setView(null)} />}
    </>
  );
}

export function RoomDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.scheduling.room.queryOptions({ id }));
  const [adjust, setAdjust] = useState<null | { sitting: string; name: string } | { duty: string; name: string }>(null);
  return (
    <>
      <DetailDialog title="查询考场编排" onClose={onClose} query={q}>
        {(r) => {
          const names = (role: string) =>
            r.duties
              .filter((d) => d.role === role)
              .map((d) => `${d.name}（${d.school}${d.phone ? ` ${d.phone}` : ""}）`)
              .join("、") || "—";
          return (
            <div className="space-y-4">
              <Section title={r.room}>
                <InfoGrid
                  items={[
                    ["考场名称", r.room],
                    ["考核站点", `${r.site}（${r.siteCode}）`],
                    ["所属院校", r.school],
                    ["考场地址", r.address],
                    ["考试科目", `${r.subject}（${r.subjectCode}）`],
                    ["考试证书", r.certificate],
                    ["证书等级", r.level],
                    ["考试时间", r.time],
                    ["监考老师", names("INVIGILATOR")],
                    ["巡考老师", names("PATROL")],
                    ["应考人数", r.candidates],
                    ["准考证号范围", r.ticketRange],
                  ]}
                />
                {!r.published && <p className="text-amber-700">该科目的排考结果尚未发布，院校和考生暂不可见。</p>}
              </Section>
              <Section title={r.runsRoom ? "考生名单" : `本校考生（共 ${r.sittings.length} 人）`}>
                <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="考生名单">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>序号</th>
                        <th>学生姓名</th>
                        <th>身份证号码</th>
                        <th>准考证号</th>
                        <th>所属院校</th>
                        <th>座位号</th>
                        {r.canAdjust && <th>操作</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {r.sittings.map((s) => (
                        <tr key={s.id}>
                          <td>{s.no}</td>
                          <td>{s.name}</td>
                          <td className="whitespace-nowrap">{s.idNumberMasked}</td>
                          <td className="whitespace-nowrap">{s.ticketNumber}</td>
                          <td>{s.school}</td>
                          <td>{s.seat}</td>
                          {r.canAdjust && (
                            <td>
                              <button type="button" className="btn-link" onClick={() => setAdjust({ sitting: s.id, name: s.name })}>
                                调整
                              </button>
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Section>
              {r.canAdjust && r.duties.length > 0 && (
                <Section title="监考与巡考安排">
                  <ul className="space-y-1">
                    {r.duties.map((d) => (
                      <li key={d.id} className="flex flex-wrap items-center gap-2">
                        <span>
                          {d.role === "PATROL" ? "巡考" : "监考"}：{d.name}（{d.school}）
                        </span>
                        <button type="button" className="btn-link" onClick={() => setAdjust({ duty: d.id, name: d.name })}>
                          更换
                        </button>
                      </li>
                    ))}
                  </ul>
                </Section>
              )}
              <FileJobButtons target={{ roomScheduleId: r.id }} runs={r.runsRoom} />
            </div>
          );
        }}
      </DetailDialog>
      {adjust && "sitting" in adjust && <MoveDialog sittingId={adjust.sitting} name={adjust.name} onClose={() => setAdjust(null)} />}
      {adjust && "duty" in adjust && <DutyDialog dutyId={adjust.duty} name={adjust.name} onClose={() => setAdjust(null)} />}
    </>
  );
}
