"use client";
// 我的准考证 (student space; 001 §3.1.2.9 第二种: 学生登录学生个人空间平台自行下载打印): the published sittings with
// time, room and seat, each ticket (or all of them) as a PDF to print.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { InfoGrid } from "../catalogue/detail";
import { FileJobButton } from "@/components/list/file-job-button";

export function StudentTickets() {
  const trpc = useTRPC();
  const q = useQuery(trpc.student.tickets.queryOptions());
  const ticket = useMutation(trpc.student.ticket.mutationOptions());
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const list = q.data ?? [];
  return (
    <div className="card space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">我的准考证</h1>
        {list.length > 1 && <FileJobButton label="下载全部准考证" className="btn-primary" request={() => ticket.mutateAsync({})} />}
      </div>
      <p className="alert-info">培训评价组织发布排考结果后，这里显示您的考试安排。请打印准考证，考试时携带准考证和有效身份证件原件。</p>
      {list.length === 0 && <p className="text-slate-600">暂无已发布的考试安排。</p>}
      {list.map((t) => (
        <section key={t.id} className="space-y-3 rounded border border-slate-200 p-4" aria-label={t.subject}>
          <h2 className="font-semibold">
            {t.subject}
            <span className="ml-2 text-sm font-normal text-slate-500">{t.certificate}</span>
          </h2>
          <InfoGrid
            items={[
              ["准考证号", t.ticketNumber],
              ["考试计划", t.plan],
              ["考试时间", t.time],
              ["考核站点", t.site],
              ["考场", t.room],
              ["座位号", t.seat],
              ["考场地址", t.address],
            ]}
          />
          <FileJobButton label="下载准考证" request={() => ticket.mutateAsync({ sittingId: t.id })} />
        </section>
      ))}
    </div>
  );
}
