"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { useStatusToggle } from "../list/use-status-toggle";
import { DetailDialog, InfoGrid, Section } from "./detail";
import { LEVEL_LABELS, ORG_STATUS_LABELS } from "@/domain/catalogue/labels";
import { OrgFormDialog } from "./org-form";

/** 培训评价组织: a school sees the organizations of the certificates it pilots; departments and admins all. */
export function OrgList({ manage }: { manage?: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  // The platform admin manages every organization.
  const [form, setForm] = useState<{ id: string | null } | null>(null);
  const { toggle, message, refresh } = useStatusToggle(trpc.orgs.enable.mutationOptions(), trpc.orgs.disable.mutationOptions());
  return (
    <>
      <ListPage
        title="培训评价组织"
        exportList="orgs"
        exportLabel="批量导出培训评价组织信息"
        fields={[
          { key: "code", label: "机构代码" },
          { key: "name", label: "机构名称" },
        ]}
        tabs={[
          { value: "REGISTERED", label: "已启用" },
          { value: "DISABLED", label: "已停用" },
        ]}
        list={trpc.lists.orgs}
        columns={[
          { header: "机构代码", cell: (r) => r.code, className: "font-mono text-xs" },
          { header: "机构名称", cell: (r) => r.name },
          { header: "已试点证书数量", cell: (r) => r.pilotedCount },
          { header: "机构状态", cell: (r) => ORG_STATUS_LABELS[r.status] },
        ]}
        toolbar={
          manage ? (
            <button className="btn-primary" onClick={() => setForm({ id: null })}>
              新增机构
            </button>
          ) : undefined
        }
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setOpen(r.id)}>
              查看
            </button>
            {manage &&
              (r.status === "DISABLED" ? (
                <>
                  <button className="btn-link text-amber-600" onClick={() => setForm({ id: r.id })}>
                    修改
                  </button>
                  <button className="btn-link" onClick={() => toggle({ id: r.id }, true)}>
                    启用
                  </button>
                </>
              ) : (
                <button className="btn-link text-slate-500" onClick={() => toggle({ id: r.id }, false)}>
                  停用
                </button>
              ))}
          </span>
        )}
      />
      {message && (
        <p className="alert-error mt-2" role="alert">
          {message}
        </p>
      )}
      {open && <OrgDetail id={open} onClose={() => setOpen(null)} />}
      {form && (
        <OrgFormDialog
          id={form.id}
          onClose={() => setForm(null)}
          onSaved={async () => {
            setForm(null);
            await refresh();
          }}
        />
      )}
    </>
  );
}

function OrgDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.catalogue.org.queryOptions({ id }));
  return (
    <DetailDialog title="培训评价组织详情" onClose={onClose} query={q}>
      {(o) => (
        <div className="space-y-5">
          <Section title="基本信息">
            <InfoGrid
              items={[
                ["机构名称", o.name],
                ["机构代码", o.code],
                ["统一社会信用代码", o.uscc],
                ["机构状态", ORG_STATUS_LABELS[o.status]],
                ["网址", o.website],
                ["地址", o.address],
              ]}
            />
            <InfoGrid items={[["机构简介", o.intro]]} />
          </Section>
          <Section title="联系人信息">
            <InfoGrid
              items={[
                ["联系人", o.contactName],
                ["联系电话", o.contactPhone],
                ["邮箱", o.contactEmail],
              ]}
            />
          </Section>
          <Section title="已试点的证书信息">
            <table className="table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>证书编号</th>
                  <th>证书名称</th>
                  <th>等级</th>
                  <th>试点院校数</th>
                  <th>批准培训人数</th>
                </tr>
              </thead>
              <tbody>
                {o.pilots.map((p) => (
                  <tr key={`${p.year}${p.code}${p.level}`}>
                    <td>{p.year}</td>
                    <td className="font-mono text-xs">{p.code}</td>
                    <td>{p.name}</td>
                    <td>{LEVEL_LABELS[p.level]}</td>
                    <td>{p.schools}</td>
                    <td>{p.approvedTotal}</td>
                  </tr>
                ))}
                {o.pilots.length === 0 && (
                  <tr>
                    <td colSpan={6} className="text-center text-slate-400">
                      暂无数据
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </Section>
        </div>
      )}
    </DetailDialog>
  );
}
