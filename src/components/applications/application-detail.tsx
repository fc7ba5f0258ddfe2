"use client";
// 申报详情: school, contact, the certificate and lines, the situations and evidence, then the review flow.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, FileLink, InfoGrid, Section } from "../catalogue/detail";
import { ReviewFlow, ReviewTimeline } from "../review-timeline";
import { CATALOG_VERSION_LABELS, LEVEL_LABELS, SCHOOL_TYPE_LABELS } from "@/domain/catalogue/labels";

export function ApplicationDetailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.applications.detail.queryOptions({ id }));
  return (
    <DetailDialog title="证书试点申报详情" onClose={onClose} query={q}>
      {(a) => {
        const steps = ["院校提交", ...(a.plan?.cityReviewFirst ? ["地市级初审"] : []), "省级审核", "审核结果"];
        const current =
          a.status === "DRAFT" ? 0 : a.status === "APPROVED" || a.status === "RETURNED" ? steps.length - 1 : a.reviewStage === "CITY" ? 1 : steps.length - 2;
        return (
          <div className="space-y-5">
            <Section title="审核流程">
              <ReviewFlow steps={steps} current={current} />
              <p className="text-sm">
                当前状态：<b data-testid="application-status">{a.statusText}</b>
                {a.approvedTotal != null && (
                  <span className="ml-3">
                    批准培训人数：<b data-testid="approved-total">{a.approvedTotal}</b> 人
                  </span>
                )}
              </p>
            </Section>
            <Section title="院校信息">
              <InfoGrid
                items={[
                  ["院校名称", a.school.name],
                  ["院校代码", a.school.code],
                  ["院校类型", SCHOOL_TYPE_LABELS[a.school.type]],
                  ["统一社会信用代码", a.school.uscc],
                  ["所在地区", a.school.region],
                  ["详细地址", a.school.address],
                  ["院校网址", a.school.website],
                  ["主管单位", a.school.supervisingDepartment],
                ]}
              />
            </Section>
            <Section title="联系人信息">
              <InfoGrid
                items={[
                  ["联系人", a.school.contactName],
                  ["联系电话", a.school.contactPhone],
                  ["电子邮箱", a.school.contactEmail],
                ]}
              />
            </Section>
            <Section title="申报信息">
              <InfoGrid
                items={[
                  ["申报年度", a.year],
                  ["申报批次", a.batch],
                  ["证书名称", `${a.certificate.name}（${LEVEL_LABELS[a.certificate.level]}）`],
                  ["颁证机构", a.certificate.org],
                  ["申请培训总人数", a.requestedTotal],
                  ["提交时间", a.submittedAt ? new Date(a.submittedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "未提交"],
                ]}
              />
              {a.lines.length > 0 && (
                <table className="table">
                  <thead>
                    <tr>
                      <th>专业代码</th>
                      <th>专业名称</th>
                      <th>目录版本</th>
                      <th>在校学生数</th>
                      <th>专任教师数</th>
                      <th>申请培训人数</th>
                      <th>批准培训人数</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.lines.map((l) => (
                      <tr key={l.majorId}>
                        <td>{l.code}</td>
                        <td>{l.name}</td>
                        <td>{CATALOG_VERSION_LABELS[l.catalogVersion]}</td>
                        <td>{l.students}</td>
                        <td>{l.teachers}</td>
                        <td>{l.requested}</td>
                        <td>{l.approved ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title="师资与场地">
              <InfoGrid
                items={[
                  [
                    "师资情况",
                    <span key="t" className="whitespace-pre-wrap">
                      {a.teacherSituation}
                    </span>,
                  ],
                  [
                    "场地情况",
                    <span key="s" className="whitespace-pre-wrap">
                      {a.siteSituation}
                    </span>,
                  ],
                  ["佐证材料", <FileLink key="f" file={a.evidence} />],
                ]}
              />
            </Section>
            <Section title="审核记录">
              <ReviewTimeline events={a.events} />
            </Section>
          </div>
        );
      }}
    </DetailDialog>
  );
}
