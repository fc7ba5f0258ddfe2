"use client";
// 考试科目 (school, 002 §5.2.1): the subjects the orgs publish for the certificates the school pilots, read-only.
// When a subject's 参考对象 is not 所有考生, a registration names the candidate's group.
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { EXAM_MODE_LABELS, LEVEL_LABELS, RECORD_STATUS_LABELS } from "@/domain/catalogue/labels";

export function SubjectsPage() {
  const trpc = useTRPC();
  return (
    <ListPage
      title="考试科目"
      description="各培训评价组织发布的本校试点证书的考试科目。参考对象不是「所有考生」的科目，报考时须填写考生所属的参考对象；具体以考试计划为准。"
      exportList="subjects"
      exportLabel="批量导出考试科目"
      fields={[
        { key: "code", label: "科目编号" },
        { key: "name", label: "科目名称" },
        {
          key: "examMode",
          label: "考试方式",
          options: [{ value: "", label: "全部" }, ...Object.entries(EXAM_MODE_LABELS).map(([value, label]) => ({ value, label }))],
        },
      ]}
      tabs={[
        { value: "ENABLED", label: "已启用" },
        { value: "DISABLED", label: "已停用" },
      ]}
      list={trpc.lists.subjects}
      rowData={(r) => ({ "data-subject": r.code })}
      columns={[
        { header: "科目编号", cell: (r) => <span className="font-mono text-xs">{r.code}</span> },
        { header: "科目名称", cell: (r) => r.name },
        { header: "考试方式", cell: (r) => EXAM_MODE_LABELS[r.examMode] },
        { header: "考核证书", cell: (r) => `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`, className: "min-w-48" },
        { header: "考核单位", cell: (r) => r.certificateLevel.certificate.org.name },
        { header: "参考对象", cell: (r) => r.targetGroup },
        { header: "考试时长", cell: (r) => `${r.durationMinutes} 分钟`, className: "whitespace-nowrap" },
        { header: "合格分数", cell: (r) => `${r.passScore}/${r.fullScore}`, className: "whitespace-nowrap" },
        { header: "科目状态", cell: (r) => RECORD_STATUS_LABELS[r.status], className: "whitespace-nowrap" },
      ]}
    />
  );
}
