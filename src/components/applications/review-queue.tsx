"use client";
// 证书试点申报审核 (education departments): the region's submitted applications; a city passes or returns
// at 待初审, the province sets approved trainees per major at 待省级审核; batch approval for the ticked rows.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { ApplicationDetailDialog } from "./application-detail";
import { APPLICATION_STATUS_LABELS } from "@/domain/pilots/application";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

export function ReviewQueue({ stage }: { stage: "CITY" | "PROVINCE" }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const many = useMutation(trpc.applications.approveMany.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.applicationReviews.pathKey() });
  return (
    <>
      {message && (
        <p className={`${message.kind === "ok" ? "alert-ok" : "alert-error"} mb-3`} role="status">
          {message.text}
        </p>
      )}
      <ListPage
        title="证书试点申报审核"
        exportList="applicationReviews"
        exportLabel="导出申报明细"
        fields={[
          { key: "school", label: "院校名称" },
          { key: "certificate", label: "证书名称" },
          { key: "year", label: "申报年度" },
          { key: "batch", label: "申报批次" },
          { key: "org", label: "颁证机构" },
        ]}
        tabs={[
          { value: "CITY", label: "待初审" },
          { value: "PROVINCE", label: "待省级审核" },
          { value: "APPROVED", label: "审核通过" },
          { value: "RETURNED", label: "审核退回" },
        ]}
        list={trpc.lists.applicationReviews}
        bulkActions={(ids, clear) => (
          <button
            className="btn-default"
            disabled={!ids.length || many.isPending}
            onClick={async () => {
              setMessage(null);
              try {
                const r = await many.mutateAsync({ ids });
                setMessage({
                  kind: r.failed.length ? "error" : "ok",
                  text: `批量审核通过 ${r.approved} 条${r.failed.length ? `，${r.failed.length} 条未通过：${[...new Set(r.failed.map((f) => f.message))].join("；")}` : ""}`,
                });
                clear();
                await refresh();
              } catch (e) {
                setMessage({ kind: "error", text: errorMessage(e) });
              }
            }}
          >
            批量审核通过
          </button>
        )}
        columns={[
          { header: "院校名称", cell: (r) => r.school.name },
          { header: "证书名称", cell: (r) => `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）` },
          { header: "申报批次", cell: (r) => `${r.year}年${r.batch}` },
          { header: "申请人数", cell: (r) => r.requestedTotal },
          { header: "批准人数", cell: (r) => r.approvedTotal ?? "—" },
          {
            header: "状态",
            cell: (r) => (r.status === "IN_REVIEW" ? (r.reviewStage === "CITY" ? "待初审" : "待省级审核") : APPLICATION_STATUS_LABELS[r.status]),
            className: "whitespace-nowrap",
          },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setViewing(r.id)}>
              查看
            </button>
            {r.status === "IN_REVIEW" && r.reviewStage === stage && (
              <button className="btn-link text-amber-600" onClick={() => setDeciding(r.id)}>
                审核
              </button>
            )}
          </span>
        )}
      />
      {viewing && <ApplicationDetailDialog id={viewing} onClose={() => setViewing(null)} />}
      {deciding && (
        <DecideDialog
          id={deciding}
          stage={stage}
          onClose={() => setDeciding(null)}
          onDone={async (text) => {
            setDeciding(null);
            setMessage({ kind: "ok", text });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function DecideDialog({ id, stage, onClose, onDone }: { id: string; stage: "CITY" | "PROVINCE"; onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.applications.detail.queryOptions({ id }));
  const decide = useMutation(trpc.applications.decide.mutationOptions());
  const [approved, setApproved] = useState<Record<string, string>>({});
  const [total, setTotal] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const a = q.data;
  const value = (majorId: string, requested: number) => approved[majorId] ?? String(requested);
  const sum = a ? a.lines.reduce((s, l) => s + Number(value(l.majorId, l.requested) || 0), 0) : 0;
  const submit = async (approve: boolean) => {
    if (!a) return;
    setError("");
    try {
      await decide.mutateAsync({
        id,
        approve,
        reason: reason || undefined,
        ...(approve && stage === "PROVINCE"
          ? a.lines.length
            ? { lines: a.lines.map((l) => ({ majorId: l.majorId, approved: Number(value(l.majorId, l.requested) || 0) })) }
            : { approvedTotal: Number(total || a.requestedTotal) }
          : {}),
      });
      onDone(approve ? (stage === "CITY" ? "初审通过，已提交省级教育行政部门审核" : "审核通过，已短信通知申报院校") : "已退回，已短信通知申报院校");
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      wide
      open
      title={stage === "CITY" ? "申报初审" : "申报审核"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button className="btn-danger" disabled={decide.isPending || !a} onClick={() => submit(false)}>
            退回
          </button>
          <button className="btn-primary" disabled={decide.isPending || !a} onClick={() => submit(true)}>
            审核通过
          </button>
        </>
      }
    >
      {!a ? (
        <p className="text-slate-400">{q.error ? errorMessage(q.error) : "加载中…"}</p>
      ) : (
        <div className="space-y-4">
          <p>
            <b>{a.school.name}</b> 申报{" "}
            <b>
              {a.certificate.name}（{LEVEL_LABELS[a.certificate.level]}）
            </b>
            ，{a.year}年{a.batch}，申请培训 {a.requestedTotal} 人。
          </p>
          {stage === "PROVINCE" &&
            (a.lines.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th>专业</th>
                    <th>在校学生数</th>
                    <th>专任教师数</th>
                    <th>申请培训人数</th>
                    <th>批准培训人数</th>
                  </tr>
                </thead>
                <tbody>
                  {a.lines.map((l) => (
                    <tr key={l.majorId}>
                      <td>
                        【{l.code}】{l.name}
                      </td>
                      <td>{l.students}</td>
                      <td>{l.teachers}</td>
                      <td>{l.requested}</td>
                      <td>
                        <input
                          aria-label={`${l.name}批准培训人数`}
                          className="input w-24"
                          value={value(l.majorId, l.requested)}
                          onChange={(e) => setApproved({ ...approved, [l.majorId]: e.target.value.replace(/\D/g, "") })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={4} className="text-right">
                      批准培训总人数
                    </td>
                    <td>
                      <b data-testid="approved-sum">{sum}</b>
                    </td>
                  </tr>
                </tfoot>
              </table>
            ) : (
              <Field label="批准培训人数" htmlFor="rv-total" required>
                <input
                  id="rv-total"
                  className="input w-40"
                  value={total || String(a.requestedTotal)}
                  onChange={(e) => setTotal(e.target.value.replace(/\D/g, ""))}
                />
              </Field>
            ))}
          {stage === "CITY" && <p className="text-sm text-slate-500">初审通过后将提交省级教育行政部门审核并核定培训人数。</p>}
          <Field label="审核意见（退回时必填）" htmlFor="rv-reason">
            <textarea id="rv-reason" className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {error && (
            <p className="alert-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
