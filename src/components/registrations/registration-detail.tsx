"use client";
// 查看报考信息: the candidate as registered (the snapshot), the certificate, the sittings with their times, status
// and payment. The school and the org see the same; the org also corrects 姓名拼音 and 手机号 (org-registrations).
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { beijing } from "../datetime";
import { CANDIDATE_TYPE_LABELS, GENDER_LABELS, pinyinDisplay } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { EXAM_MODE_LABELS, LEVEL_LABELS } from "@/domain/catalogue/labels";
import { REGISTRATION_MODE_LABELS } from "@/domain/exams/plan";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "@/domain/registrations/rules";

export const STATUS_TONE: Record<RegistrationStatus, string> = {
  UNSCHEDULED: "text-slate-600",
  WAITING: "text-sky-700",
  IN_EXAM: "text-amber-700",
  ENDED: "text-slate-400",
};

/** What both registration lists share: the query fields (the org adds 参考院校), tabs and the common cells. */
export const registrationFields = (withSchool: boolean) => [
  { key: "plan" as const, label: "考试计划" },
  { key: "certificate" as const, label: "考核证书" },
  ...(withSchool ? [{ key: "school" as const, label: "参考院校" }] : []),
  { key: "name" as const, label: "姓名" },
  { key: "idNumber" as const, label: "证件号码" },
  {
    key: "paid" as const,
    label: "缴费状态",
    options: [
      { value: "", label: "全部" },
      { value: "yes", label: "已缴费" },
      { value: "no", label: "未缴费" },
    ],
  },
];
export const REGISTRATION_TABS = (Object.keys(REGISTRATION_STATUS_LABELS) as RegistrationStatus[]).map((s) => ({
  value: s,
  label: REGISTRATION_STATUS_LABELS[s],
}));
export const studentCell = (r: { name: string; idNumberMasked: string }) => (
  <div>
    <div>{r.name}</div>
    <div className="text-xs text-slate-500">{r.idNumberMasked}</div>
  </div>
);
export const statusCell = (r: { status: RegistrationStatus }) => <span className={STATUS_TONE[r.status]}>{REGISTRATION_STATUS_LABELS[r.status]}</span>;

export function RegistrationDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.registrations.detail.queryOptions({ id }));
  return (
    <DetailDialog title="查看报考信息" onClose={onClose} query={q}>
      {(r) => (
        <div className="space-y-3">
          <InfoGrid
            items={[
              ["姓名", r.name],
              ["姓名拼音", pinyinDisplay(r.pinyin)],
              ["性别", GENDER_LABELS[r.gender]],
              ["证件类型", ID_TYPE_LABELS[r.idType]],
              ["证件号码", r.idNumberMasked],
              ["手机号", r.phoneMasked],
              ["考生类型", CANDIDATE_TYPE_LABELS[r.candidateType]],
              ["专业", r.majorName],
              ["参考对象", r.targetGroup],
              ["所属院校", r.school.name],
              ["考试计划", `${r.plan.name}（${r.plan.code}）`],
              ["培训评价组织", r.plan.org.name],
              ["考核证书", `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`],
              ["报考方式", REGISTRATION_MODE_LABELS[r.mode]],
              ["状态", REGISTRATION_STATUS_LABELS[r.status]],
              ["缴费", r.paidAt ? `已缴费（${beijing(r.paidAt)} 确认）` : r.paymentOrder ? `已生成缴费申请单 ${r.paymentOrder.number}，待确认` : "未缴费"],
              ["报考时间", beijing(r.createdAt)],
            ]}
          />
          <p className="text-xs text-slate-500">
            报考信息中的考生信息为报考时的快照：院校之后修改考生信息不影响本次报考，如需更正姓名拼音、手机号请联系培训评价组织。
          </p>
          <table className="table">
            <caption className="mb-1 text-left font-medium">报考科目</caption>
            <thead>
              <tr>
                <th>科目编号</th>
                <th>科目名称</th>
                <th>考试方式</th>
                <th>参考对象</th>
                <th>考试时间</th>
                <th>排考</th>
              </tr>
            </thead>
            <tbody>
              {r.subjects.map((s) => (
                <tr key={s.code}>
                  <td>{s.code}</td>
                  <td>{s.name}</td>
                  <td>{EXAM_MODE_LABELS[s.examMode]}</td>
                  <td>{s.targetGroup}</td>
                  <td className="whitespace-nowrap">
                    {beijing(s.startsAt)} – {beijing(s.endsAt).slice(-5)}
                  </td>
                  <td>{s.scheduled ? "已排考" : "未排考"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailDialog>
  );
}
