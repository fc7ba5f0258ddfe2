"use client";
// 个人信息: what the school registered for this student (考生管理). Corrections go through the school.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { InfoGrid, Section } from "../catalogue/detail";

export function StudentProfile() {
  const trpc = useTRPC();
  const q = useQuery(trpc.student.profile.queryOptions());
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const p = q.data;
  if (!p) return <div className="card p-6 text-slate-600">未找到您的考生信息，请联系所在院校。</div>;
  return (
    <div className="card space-y-5 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">个人信息</h1>
      <p className="alert-info">以下信息由所在院校在考生管理中登记；如有错误，请联系院校老师修改。</p>
      <div className="flex flex-col gap-5 sm:flex-row">
        <div className="shrink-0">
          {p.photoFileId ? (
            <img src={`/api/files/${p.photoFileId}`} alt="本人照片" className="h-40 w-32 rounded border border-slate-200 object-cover" />
          ) : (
            <div className="flex h-40 w-32 items-center justify-center rounded border border-dashed border-slate-300 text-xs text-slate-500">暂无照片</div>
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-5">
          <Section title="考生信息">
            <InfoGrid
              items={[
                ["考生编号", p.number],
                ["姓名", p.name],
                ["姓名拼音", p.pinyin],
                ["性别", p.gender],
                ["考生类型", p.type],
                ["证件类型", p.idType],
                ["证件号码", p.idNumber],
                ["手机号", p.phone],
                ["信息状态", p.status],
              ]}
            />
          </Section>
          <Section title="院校与专业">
            <InfoGrid
              items={[
                ["所在院校", p.school],
                ["院校代码", p.schoolCode],
                ["专业", p.major],
                ["专业层次", p.majorLevel],
                ["入学年份", p.enrolYear ? String(p.enrolYear) : null],
              ]}
            />
          </Section>
          {p.verifyReasons.length > 0 && <p className="alert-error">信息认证未通过：{p.verifyReasons.join("；")}。请联系院校核对。</p>}
        </div>
      </div>
    </div>
  );
}
