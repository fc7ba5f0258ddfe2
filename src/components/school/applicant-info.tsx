"use client";
// 完善基础信息 → 申报证书试点 (001 §2.1.3) for a school that registered and is not a pilot yet.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { InfoGrid, Section } from "../catalogue/detail";
import { EditSchoolDialog } from "./edit-school";
import { ReviewFlow } from "../review-timeline";
import { SCHOOL_STATUS_LABELS, SCHOOL_TYPE_LABELS } from "@/domain/catalogue/labels";

export function ApplicantSchoolInfo() {
  const trpc = useTRPC();
  const q = useQuery(trpc.school.mine.queryOptions());
  const [editing, setEditing] = useState(false);
  const s = q.data;
  if (!s) return <div className="card p-6 text-slate-400">加载中…</div>;
  const complete = !!(s.uscc && s.address && s.contactName && s.contactPhone && s.contactEmail);
  return (
    <div className="card space-y-5 p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">院校基础信息</h1>
        {s.canEdit && (
          <button className="btn-primary" onClick={() => setEditing(true)}>
            完善基础信息
          </button>
        )}
      </div>
      <ReviewFlow steps={["完善基础信息", "申报证书试点", "等待申报审核"]} current={complete ? 1 : 0} />
      {!complete && <p className="alert-info">请先完善院校基础信息（统一社会信用代码、详细地址、联系人），再申报证书试点。</p>}
      {complete && (
        <p className="alert-info">
          基础信息已完善。请在申报计划时间内{" "}
          <Link className="btn-link" href="/school/applications">
            申报证书试点
          </Link>
          ；有申报审核通过且申报计划结束后，贵校即成为试点院校。
        </p>
      )}
      <Section title="基本信息">
        <InfoGrid
          items={[
            ["院校名称", s.name],
            ["院校代码", s.code],
            ["院校类型", SCHOOL_TYPE_LABELS[s.type]],
            ["统一社会信用代码", s.uscc],
            ["院校网址", s.website],
            ["省教育行政部门", s.department],
            ["单位所在地", s.regionName],
            ["详细地址", s.address],
            ["院校状态", s.isPilot ? "试点院校" : SCHOOL_STATUS_LABELS[s.status]],
          ]}
        />
      </Section>
      <Section title="联系人信息">
        <InfoGrid
          items={[
            ["联系人姓名", s.contactName],
            ["联系人手机号", s.contactPhone],
            ["联系人邮箱", s.contactEmail],
          ]}
        />
      </Section>
      {editing && <EditSchoolDialog onClose={() => setEditing(false)} />}
    </div>
  );
}
