"use client";
// 查看申报考核站点信息 (004): 申报信息 and 审核信息 tabs, for the school that applied and the org reviewing it.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, FileLink, InfoGrid } from "../catalogue/detail";
import { StatusTabs } from "../list/status-tabs";
import { ReviewFlow, ReviewTimeline } from "../review-timeline";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { SITE_REVIEW_LABELS, SITE_STATUS_LABELS } from "@/domain/sites/rules";

export function SiteDetailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.sites.detail.queryOptions({ id }));
  const [tab, setTab] = useState<"info" | "review">("info");
  return (
    <DetailDialog title="查看申报考核站点信息" onClose={onClose} query={q}>
      {(s) => (
        <div className="space-y-4">
          <StatusTabs
            value={tab}
            onChange={(v) => setTab(v || "info")}
            tabs={[
              { value: "info", label: "申报信息" },
              { value: "review", label: "审核信息" },
            ]}
          />
          {tab === "info" ? (
            <>
              <InfoGrid
                items={[
                  ["考核站点编号", s.code],
                  ["考核站点名称", s.name],
                  ["申报院校", s.school.name],
                  ["申报对象", s.org.name],
                  ["考核站点地址", s.regionPath],
                  ["详细地址", s.address],
                  ["联系人姓名", s.contactName],
                  ["联系人电话", s.contactPhone],
                  ["联系人邮箱", s.contactEmail],
                  ["考核站点状态", SITE_STATUS_LABELS[s.status]],
                ]}
              />
              <div className="overflow-x-auto">
                <table className="table">
                  <caption className="mb-1 text-left font-medium">考核证书</caption>
                  <thead>
                    <tr>
                      <th>证书编号</th>
                      <th>证书名称</th>
                      <th>证书等级</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.levels.map((l) => (
                      <tr key={l.id}>
                        <td>{l.code}</td>
                        <td>{l.certificateName}</td>
                        <td>{LEVEL_LABELS[l.level]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <InfoGrid
                items={[
                  [
                    "考核站点简介",
                    <span key="i" className="whitespace-pre-wrap">
                      {s.intro}
                    </span>,
                  ],
                  ["其他材料", <FileLink key="f" file={s.evidence} />],
                ]}
              />
            </>
          ) : (
            <div className="space-y-3">
              <ReviewFlow
                steps={["院校提交", "培训评价组织审核", "审核结果"]}
                current={s.reviewStatus === "DRAFT" ? 0 : s.reviewStatus === "SUBMITTED" ? 1 : 2}
              />
              <p>
                审核状态：<b data-testid="site-review-status">{SITE_REVIEW_LABELS[s.reviewStatus]}</b>
              </p>
              <ReviewTimeline events={s.events} />
            </div>
          )}
        </div>
      )}
    </DetailDialog>
  );
}
