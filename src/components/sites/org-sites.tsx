"use client";
// 考核站点审核 (org): the sites addressed to it — approve, return with a reason, batch approve, enable/disable.
// 考核站点分配: lend an approved site to other schools of a plan (借考), or take an allocation back.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog, FormDialog } from "../dialog";
import { Field } from "../field";
import { CheckList } from "../check-list";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { SiteDetailDialog } from "./site-detail";
import { AllocationQuery, siteColumns } from "./school-sites";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { SITE_REVIEW_LABELS, SITE_STATUS_LABELS, canReviewSite, canToggleSite } from "@/domain/sites/rules";
import { roomStatus } from "@/domain/rooms/rules";

export function OrgSitesPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<{ id: string; name: string } | null>(null);
  const approveMany = useMutation(trpc.sites.approveMany.mutationOptions());
  const setEnabled = useMutation(trpc.sites.setEnabled.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.sites.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  return (
    <>
      {banner}
      <ListPage
        title="考核站点审核"
        description="按考核站点建设标准审核院校申报的师资队伍、配套设备和场地；审核通过的考核站点即为已启用，可随时停用。"
        initialTab="SUBMITTED"
        exportList="sites"
        exportLabel="批量导出考核站点"
        fields={[
          { key: "school", label: "申报院校" },
          { key: "name", label: "考核站点名称" },
          { key: "code", label: "考核站点编号" },
          {
            key: "status",
            label: "考核站点状态",
            options: [{ value: "", label: "全部" }, ...Object.entries(SITE_STATUS_LABELS).map(([value, label]) => ({ value, label }))],
          },
        ]}
        tabs={(["SUBMITTED", "APPROVED", "RETURNED"] as const).map((s) => ({ value: s, label: SITE_REVIEW_LABELS[s] }))}
        list={trpc.lists.sites}
        rowData={(r) => ({ "data-site": r.name })}
        bulkActions={(ids, clear) => (
          <button
            className="btn-default"
            disabled={ids.length === 0}
            onClick={() =>
              window.confirm(`确定审核通过勾选的 ${ids.length} 个考核站点吗？`) &&
              act(
                async () => {
                  const r = await approveMany.mutateAsync({ ids });
                  clear();
                  return r;
                },
                (r) => `审核通过 ${r.approved} 个${r.failed.length ? `，${r.failed.length} 个未通过：${r.failed[0].message}` : ""}`,
              )
            }
          >
            批量审核通过
          </button>
        )}
        columns={siteColumns(false)}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setViewing(r.id)}>
              查看
            </button>
            {canReviewSite(r.reviewStatus) && (
              <button className="btn-link text-amber-600" onClick={() => setReviewing({ id: r.id, name: r.name })}>
                审核
              </button>
            )}
            {canToggleSite(r.reviewStatus) && (
              <button
                className={`btn-link ${r.status === "ENABLED" ? "text-red-600" : ""}`}
                onClick={() => {
                  const enabled = r.status !== "ENABLED";
                  if (window.confirm(`确定${enabled ? "启用" : "停用"}考核站点「${r.name}」吗？${enabled ? "" : "停用后不能再设置考场或分配借考。"}`))
                    void act(() => setEnabled.mutateAsync({ id: r.id, enabled }), `已${enabled ? "启用" : "停用"}「${r.name}」`);
                }}
              >
                {r.status === "ENABLED" ? "停用" : "启用"}
              </button>
            )}
          </span>
        )}
      />
      {viewing && <SiteDetailDialog id={viewing} onClose={() => setViewing(null)} />}
      {reviewing && (
        <ReviewDialog
          site={reviewing}
          onClose={() => setReviewing(null)}
          onDone={async (text) => {
            setReviewing(null);
            say({ ok: true, text });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function ReviewDialog({ site, onClose, onDone }: { site: { id: string; name: string }; onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const approve = useMutation(trpc.sites.approve.mutationOptions());
  const ret = useMutation(trpc.sites.return.mutationOptions());
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const run = async (ok: boolean) => {
    setError("");
    try {
      if (ok) await approve.mutateAsync({ id: site.id });
      else await ret.mutateAsync({ id: site.id, reason });
      onDone(ok ? `已审核通过「${site.name}」` : `已退回「${site.name}」`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      open
      title="审核考核站点"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button className="btn-default text-red-600" disabled={ret.isPending} onClick={() => run(false)}>
            审核退回
          </button>
          <button className="btn-primary" disabled={approve.isPending} onClick={() => run(true)}>
            审核通过
          </button>
        </>
      }
    >
      <p>{site.name}</p>
      <Field label="审核意见（退回时必填）" htmlFor="site-reason">
        <textarea id="site-reason" className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

export function OrgAllocationsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const unallocate = useMutation(trpc.sites.unallocate.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.siteAllocations.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  return (
    <div className="space-y-3">
      {banner}
      <div className="flex justify-end">
        <button className="btn-primary" onClick={() => setAdding(true)}>
          分配考核站点
        </button>
      </div>
      <AllocationQuery
        title="考核站点分配"
        actions={(r) => (
          <button
            className="btn-link text-red-600"
            onClick={() => window.confirm("确定取消该借考分配吗？") && act(() => unallocate.mutateAsync({ id: r.id }), "已取消借考分配")}
          >
            取消分配
          </button>
        )}
      />
      {adding && (
        <AllocateDialog
          onClose={() => setAdding(false)}
          onDone={async (text) => {
            setAdding(false);
            say({ ok: true, text });
            await refresh();
          }}
        />
      )}
    </div>
  );
}

function AllocateDialog({ onClose, onDone }: { onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.sites.allocationOptions.queryOptions());
  const allocate = useMutation(trpc.sites.allocate.mutationOptions());
  const [f, patch] = usePatchState({ planId: "", siteId: "", levelId: "", schoolIds: [] as string[] });
  const now = new Date();
  const plans = options.data?.plans.filter((p) => roomStatus(p, now) !== "ENDED") ?? [];
  const plan = plans.find((p) => p.id === f.planId);
  const sites = options.data?.sites.filter((s) => plan && s.levels.some((l) => plan.levels.includes(l.id))) ?? [];
  const site = sites.find((s) => s.id === f.siteId);
  const levels = site?.levels.filter((l) => plan?.levels.includes(l.id)) ?? [];
  const schools = plan?.schools.filter((s) => s.id !== site?.schoolId) ?? [];
  return (
    <FormDialog
      title="分配考核站点（借考）"
      onClose={onClose}
      submitLabel="确认分配"
      onSubmit={async () => {
        const r = await allocate.mutateAsync({ planId: f.planId, siteId: f.siteId, certificateLevelId: f.levelId, schoolIds: f.schoolIds });
        onDone(`已分配 ${r.allocated} 所院校${r.skipped ? `（${r.skipped} 所此前已分配）` : ""}`);
      }}
    >
      <Field label="考试计划" htmlFor="al-plan" required>
        <select id="al-plan" className="input" value={f.planId} onChange={(e) => patch({ planId: e.target.value, siteId: "", levelId: "", schoolIds: [] })}>
          <option value="">请选择</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="考核站点" htmlFor="al-site" required hint="审核通过且已启用、含本计划证书的考核站点">
        <select id="al-site" className="input" value={f.siteId} onChange={(e) => patch({ siteId: e.target.value, levelId: "", schoolIds: [] })}>
          <option value="">请选择</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="考试证书" htmlFor="al-level" required>
        <select id="al-level" className="input" value={f.levelId} onChange={(e) => patch({ levelId: e.target.value })}>
          <option value="">请选择</option>
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.certificateName}（{LEVEL_LABELS[l.level]}）
            </option>
          ))}
        </select>
      </Field>
      <CheckList
        legend="借考院校（本计划的参考院校）"
        items={schools}
        value={f.schoolIds}
        onChange={(schoolIds) => patch({ schoolIds })}
        empty="请先选择考试计划和考核站点"
      />
    </FormDialog>
  );
}
