"use client";
// 考核站点 (school, 002 §5.2.4): 考核站点申报 (apply, edit, submit, withdraw, delete) and 考核站点分配查询.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage, type Column } from "../list/list-page";
import { StatusTabs } from "../list/status-tabs";
import { UploadButton } from "../upload";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { RegionPicker } from "../school/region-picker";
import { SiteDetailDialog } from "./site-detail";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import {
  SITE_REVIEW_LABELS,
  SITE_STATUS_LABELS,
  canDeleteSite,
  canEditSite,
  canWithdrawSite,
  siteName,
  siteProblem,
  type SiteReviewStatus,
  type SiteStatus,
} from "@/domain/sites/rules";

export const REVIEW_TONE: Record<SiteReviewStatus, string> = {
  DRAFT: "text-slate-500",
  SUBMITTED: "text-amber-600",
  APPROVED: "text-green-700",
  RETURNED: "text-red-600",
};

type SiteRow = {
  code: string;
  name: string;
  school: { name: string };
  org: { name: string };
  certificates: string[];
  reviewStatus: SiteReviewStatus;
  status: SiteStatus;
};

/** The site list's columns, the school's (with 申报对象) and the org's. */
export function siteColumns(withOrg: boolean): Column<SiteRow>[] {
  return [
    { header: "考核站点编号", cell: (r) => r.code },
    { header: "考核站点名称", cell: (r) => r.name, className: "min-w-56" },
    { header: "申报院校", cell: (r) => r.school.name },
    ...(withOrg ? [{ header: "申报对象", cell: (r: SiteRow) => r.org.name }] : []),
    {
      header: "考核证书",
      cell: (r) => (
        <ul className="space-y-0.5 text-xs">
          {r.certificates.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ),
      className: "min-w-48",
    },
    {
      header: "审核状态",
      cell: (r) => <span className={REVIEW_TONE[r.reviewStatus]}>{SITE_REVIEW_LABELS[r.reviewStatus]}</span>,
      className: "whitespace-nowrap",
    },
    { header: "考核站点状态", cell: (r) => SITE_STATUS_LABELS[r.status], className: "whitespace-nowrap" },
  ];
}

export function SchoolSitesPage() {
  const [tab, setTab] = useState<"apply" | "allocations">("apply");
  return (
    <div className="space-y-3">
      <StatusTabs
        value={tab}
        onChange={(v) => setTab(v || "apply")}
        tabs={[
          { value: "apply", label: "考核站点申报" },
          { value: "allocations", label: "考核站点分配查询" },
        ]}
      />
      {tab === "apply" ? <SiteApplications /> : <AllocationQuery />}
    </div>
  );
}

function SiteApplications() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const remove = useMutation(trpc.sites.delete.mutationOptions());
  const withdraw = useMutation(trpc.sites.withdraw.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.sites.pathKey() });
  const { act: run, banner } = useActionMessage(refresh);
  const act = (confirmText: string, fn: () => Promise<unknown>, ok: string) => window.confirm(confirmText) && run(fn, ok);
  return (
    <>
      {banner}
      <ListPage
        title="考核站点申报"
        description="向培训评价组织申报考核站点，审核通过后方可组织学生考试；不符合考核站点建设标准的院校可线下申请借考，分配结果见「考核站点分配查询」。"
        exportList="sites"
        exportLabel="批量导出考核站点"
        fields={[
          { key: "code", label: "考核站点编号" },
          { key: "name", label: "考核站点名称" },
          { key: "org", label: "申报对象" },
        ]}
        tabs={(Object.keys(SITE_REVIEW_LABELS) as SiteReviewStatus[]).map((s) => ({ value: s, label: SITE_REVIEW_LABELS[s] }))}
        list={trpc.lists.sites}
        rowData={(r) => ({ "data-site": r.name })}
        toolbar={
          <button className="btn-primary" onClick={() => setEditing({})}>
            申报考核站点
          </button>
        }
        bulkActions={(ids, clear) => (
          <button
            className="btn-default"
            disabled={ids.length === 0}
            onClick={() =>
              act(
                `确定删除 ${ids.length} 个考核站点吗？只有未提交或审核退回的考核站点可以删除。`,
                async () => {
                  await remove.mutateAsync({ ids });
                  clear();
                },
                `已删除 ${ids.length} 个考核站点`,
              )
            }
          >
            批量删除考核站点
          </button>
        )}
        columns={siteColumns(true)}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setViewing(r.id)}>
              查看
            </button>
            {canEditSite(r.reviewStatus) && (
              <button className="btn-link text-amber-600" onClick={() => setEditing({ id: r.id })}>
                编辑
              </button>
            )}
            {canDeleteSite(r.reviewStatus) && (
              <button
                className="btn-link text-red-600"
                onClick={() => act("确定删除该考核站点申报信息吗？", () => remove.mutateAsync({ ids: [r.id] }), "已删除考核站点")}
              >
                删除
              </button>
            )}
            {canWithdrawSite(r.reviewStatus) && (
              <button
                className="btn-link text-red-600"
                onClick={() => act("确定撤销该考核站点申报信息吗？", () => withdraw.mutateAsync({ id: r.id }), "已撤销，考核站点回到未提交状态")}
              >
                撤销
              </button>
            )}
          </span>
        )}
      />
      {editing && (
        <SiteDialog
          id={editing.id}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await refresh();
          }}
        />
      )}
      {viewing && <SiteDetailDialog id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

function SiteDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.sites.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑考核站点信息" error={existing.error} onClose={onClose} />;
  return <SiteForm site={id ? existing.data : undefined} onClose={onClose} onSaved={onSaved} />;
}

type Existing = {
  id: string;
  orgId: string;
  regionCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  intro: string;
  evidence: { id: string; filename: string } | null;
  levels: { id: string }[];
};

function SiteForm({ site, onClose, onSaved }: { site?: Existing; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.sites.options.queryOptions());
  const save = useMutation(trpc.sites.save.mutationOptions());
  const [f, patch] = usePatchState({
    orgId: site?.orgId ?? "",
    levelIds: site?.levels.map((l) => l.id) ?? ([] as string[]),
    pick: "",
    regionCode: site?.regionCode ?? "",
    address: site?.address ?? "",
    contactName: site?.contactName ?? "",
    contactPhone: site?.contactPhone ?? "",
    contactEmail: site?.contactEmail ?? "",
    intro: site?.intro ?? "",
    evidence: site?.evidence ?? (null as { id: string; filename: string } | null),
  });
  const [error, setError] = useState("");
  const org = options.data?.orgs.find((o) => o.id === f.orgId);
  const chosen = org?.levels.filter((l) => f.levelIds.includes(l.id)) ?? [];
  const name = options.data && chosen.length ? siteName(options.data.schoolName, chosen) : "";
  const submit = async (doSubmit: boolean) => {
    const input = {
      id: site?.id,
      orgId: f.orgId,
      certificateLevelIds: f.levelIds,
      regionCode: f.regionCode,
      address: f.address,
      contactName: f.contactName,
      contactPhone: f.contactPhone,
      contactEmail: f.contactEmail,
      intro: f.intro,
      evidenceFileId: f.evidence?.id ?? null,
      submit: doSubmit,
    };
    const problem = !f.orgId ? "请选择申报对象" : siteProblem(input);
    setError(problem ?? "");
    if (problem) return;
    try {
      await save.mutateAsync(input);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const input = (key: "address" | "contactName" | "contactPhone" | "contactEmail", label: string, placeholder = `请输入${label}`) => (
    <Field label={label} htmlFor={`site-${key}`} required>
      <input id={`site-${key}`} className="input" placeholder={placeholder} value={f[key]} onChange={(e) => patch({ [key]: e.target.value })} />
    </Field>
  );
  return (
    <Dialog
      wide
      open
      title={site ? "编辑考核站点信息" : "申报考核站点"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button className="btn-default" disabled={save.isPending} onClick={() => submit(false)}>
            保存
          </button>
          <button className="btn-primary" disabled={save.isPending} onClick={() => submit(true)}>
            提交并保存
          </button>
        </>
      }
    >
      <Field label="考核站点名称" htmlFor="site-name" hint="无需填写：按「院校名称 + 证书名称 + 证书等级 + 考核站点」自动生成">
        <input id="site-name" className="input bg-slate-50" readOnly value={name} placeholder="选择申报对象和考试证书后自动生成" />
      </Field>
      <Field label="考核站点地址" required>
        <RegionPicker value={f.regionCode} onChange={(regionCode) => patch({ regionCode })} />
      </Field>
      {input("address", "详细地址", "请精确到门牌号，如：学院路 30 号实训楼")}
      <div className="grid gap-3 sm:grid-cols-3">
        {input("contactName", "联系人姓名")}
        {input("contactPhone", "联系人手机")}
        {input("contactEmail", "联系人邮箱")}
      </div>
      <Field label="申报对象" htmlFor="site-org" required hint="培训评价组织；仅列出本校已获批试点证书的组织">
        <select id="site-org" className="input" disabled={!!site} value={f.orgId} onChange={(e) => patch({ orgId: e.target.value, levelIds: [], pick: "" })}>
          <option value="">请选择</option>
          {options.data?.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      {org && (
        <Field label="考试证书" htmlFor="site-level" required>
          <div className="flex gap-2">
            <select id="site-level" className="input" value={f.pick} onChange={(e) => patch({ pick: e.target.value })}>
              <option value="">请选择证书等级</option>
              {org.levels.map((l) => {
                const taken = !!l.siteId && l.siteId !== site?.id;
                return (
                  <option key={l.id} value={l.id} disabled={taken || f.levelIds.includes(l.id)}>
                    {l.certificateName}（{LEVEL_LABELS[l.level]}）{taken ? "（已申报考核站点）" : ""}
                  </option>
                );
              })}
            </select>
            <button
              type="button"
              className="btn-default whitespace-nowrap"
              disabled={!f.pick}
              onClick={() => patch({ levelIds: [...f.levelIds, f.pick], pick: "" })}
            >
              确认添加
            </button>
          </div>
        </Field>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>证书编号</th>
            <th>证书名称</th>
            <th>证书等级</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map((l) => (
            <tr key={l.id}>
              <td>{l.code}</td>
              <td>{l.certificateName}</td>
              <td>{LEVEL_LABELS[l.level]}</td>
              <td>
                <button type="button" className="btn-link text-red-600" onClick={() => patch({ levelIds: f.levelIds.filter((x) => x !== l.id) })}>
                  删除
                </button>
              </td>
            </tr>
          ))}
          {chosen.length === 0 && (
            <tr>
              <td colSpan={4} className="text-center text-slate-400">
                暂无数据
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Field label="考点简介" htmlFor="site-intro" required>
        <textarea id="site-intro" className="input" rows={3} value={f.intro} onChange={(e) => patch({ intro: e.target.value })} />
      </Field>
      <Field label="其他佐证材料（选填）" hint="根据培训评价组织的要求提供；没有要求可以不提供">
        <div className="flex flex-wrap items-center gap-3">
          <UploadButton
            purpose="site-evidence"
            accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
            label={f.evidence ? "重新选择" : "选择"}
            onUploaded={(u) => patch({ evidence: { id: u.id, filename: u.filename } })}
            onError={setError}
          />
          {f.evidence && <span className="text-sm">{f.evidence.filename}</span>}
          {f.evidence && (
            <button type="button" className="btn-link text-red-600" onClick={() => patch({ evidence: null })}>
              移除
            </button>
          )}
        </div>
      </Field>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** 考核站点分配查询: plan, site (code, name, org, host school), certificate, borrowing school. */
export function AllocationQuery({ title = "考核站点分配查询", actions }: { title?: string; actions?: (r: { id: string }) => React.ReactNode }) {
  const trpc = useTRPC();
  return (
    <ListPage
      title={title}
      exportList="siteAllocations"
      exportLabel="批量导出分配记录"
      fields={[
        { key: "plan", label: "考试计划" },
        { key: "site", label: "考核站点" },
        { key: "school", label: "借考院校" },
      ]}
      list={trpc.lists.siteAllocations}
      rowData={(r) => ({ "data-allocation": `${r.site.name}→${r.school.name}` })}
      columns={[
        { header: "考试计划", cell: (r) => r.plan.name },
        {
          header: "考核站点信息",
          cell: (r) => (
            <ul className="text-xs">
              <li>考核站点编号：{r.site.code}</li>
              <li>考核站点：{r.site.name}</li>
              <li>所属机构：{r.site.org.name}</li>
              <li>考核单位：{r.site.school.name}</li>
            </ul>
          ),
          className: "min-w-64",
        },
        { header: "考试证书", cell: (r) => `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）` },
        { header: "借考院校", cell: (r) => r.school.name },
      ]}
      actions={actions}
    />
  );
}
