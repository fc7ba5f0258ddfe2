"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, FileLink, InfoGrid, Section } from "../catalogue/detail";
import { ReviewTimeline } from "../review-timeline";
import { CADENCE_LABELS, REPORT_STATUS_LABELS } from "@/domain/reports/period";

type Report = NonNullable<ReturnType<typeof useReport>["data"]>;
const useReport = (id: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.reports.detail.queryOptions({ id }));
};

/** 查看周报: the report's sections and scan, then its review record (002 §6.1). */
export function ReportDetailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useReport(id);
  return (
    <DetailDialog title="查看周报" onClose={onClose} query={q}>
      {(r) => <ReportContent r={r} />}
    </DetailDialog>
  );
}

/** The report as the reviewer must see it before deciding: the same content as 查看周报. */
export function ReportForReview({ id }: { id: string }) {
  const q = useReport(id);
  if (q.error) return <p className="alert-error">{q.error.message}</p>;
  if (!q.data) return <p className="text-sm text-slate-500">正在加载周报…</p>;
  return <ReportContent r={q.data} />;
}

function ReportContent({ r }: { r: Report }) {
  return (
    <div className="space-y-5">
      <Section title="周报信息">
        <InfoGrid
          items={[
            ["院校", r.school.name],
            ["周期", r.label],
            ["类型", CADENCE_LABELS[r.cadence]],
            [
              "状态",
              <b key="s" data-testid="report-status">
                {REPORT_STATUS_LABELS[r.status]}
              </b>,
            ],
            ["签字盖章扫描件", <FileLink key="f" file={r.scan} />],
          ]}
        />
      </Section>
      {r.sections.map((s) => (
        <Section key={s.key} title={s.label}>
          <p className="whitespace-pre-wrap text-sm">{s.text || <span className="text-slate-400">未填写</span>}</p>
        </Section>
      ))}
      <Section title="审核记录">
        <ReviewTimeline events={r.events} />
      </Section>
    </div>
  );
}
