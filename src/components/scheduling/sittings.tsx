"use client";
// 排考明细 (002 §5.2.8.3): every sitting with its site, room, seat and 准考证号; 未排考 with the reason the last run
// gave. The school sees its own candidates once the org has published.
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { MoveDialog } from "./adjust-dialogs";
import { ListPage } from "../list/list-page";
import { studentCell } from "../registrations/registration-detail";

/** The query fields of a list of sittings (排考明细, 科目成绩); the org also searches by school. */
export const sittingFields = (portal: "org" | "school") => [
  { key: "plan" as const, label: "考试计划" },
  { key: "name" as const, label: "姓名" },
  { key: "idNumber" as const, label: "证件号码" },
  { key: "ticket" as const, label: "准考证号" },
  { key: "subject" as const, label: "考试科目" },
  ...(portal === "org" ? [{ key: "school" as const, label: "所属院校" }] : []),
];

export function SittingsPage({ portal }: { portal: "org" | "school" }) {
  const trpc = useTRPC();
  const [move, setMove] = useState<{ id: string; name: string } | null>(null);
  return (
    <>
      <ListPage
        title="排考明细"
        description={portal === "org" ? "每位考生每个科目的排考安排；未排考的显示最近一次排考未能安排的原因。" : "本校考生已发布的排考安排。"}
        exportList="sittings"
        exportLabel="导出排考明细"
        fields={sittingFields(portal)}
        tabs={[
          { value: "PLACED", label: "已排考" },
          { value: "UNPLACED", label: "未排考" },
        ]}
        list={trpc.lists.sittings}
        rowData={(r) => ({ "data-sitting": r.registration.name })}
        columns={[
          { header: "学生信息", cell: (r) => studentCell({ name: r.registration.name, idNumberMasked: r.idNumberMasked }) },
          { header: "所属院校", cell: (r) => r.registration.school.name, className: "min-w-32" },
          {
            header: "考试科目",
            cell: (r) => (
              <div>
                <div>{r.planSubject.subject.name}</div>
                <div className="text-xs text-slate-500">{r.time}</div>
              </div>
            ),
            className: "min-w-40",
          },
          {
            header: "考场",
            cell: (r) =>
              r.room ? (
                <div>
                  <div>{r.room.name}</div>
                  <div className="text-xs text-slate-500">{r.site?.name}</div>
                </div>
              ) : (
                <span className="text-amber-700">{r.unplacedReason ?? "尚未排考"}</span>
              ),
            className: "min-w-40",
          },
          { header: "座位号", cell: (r) => r.seat ?? "—" },
          { header: "准考证号", cell: (r) => r.ticketNumber ?? "—", className: "whitespace-nowrap" },
        ]}
        actions={
          portal === "org"
            ? (r) =>
                r.siteId ? (
                  <button type="button" className="btn-link" onClick={() => setMove({ id: r.id, name: r.registration.name })}>
                    {r.roomId ? "调整考场" : "安排考场"}
                  </button>
                ) : null
            : undefined
        }
      />
      {move && <MoveDialog sittingId={move.id} name={move.name} onClose={() => setMove(null)} />}
    </>
  );
}
