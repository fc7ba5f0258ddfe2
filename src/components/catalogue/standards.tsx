"use client";
import { pilotYears } from "@/domain/pilots/plan";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { useStatusToggle } from "../list/use-status-toggle";
import { DetailDialog, FileLink, InfoGrid, Section } from "./detail";
import { LEVEL_LABELS, RECORD_STATUS_LABELS } from "@/domain/catalogue/labels";
import { StandardFormDialog, type EditableStandard } from "./standard-form";

/** 职业技能等级标准 / 考核站点建设标准: schools see those of their pilot certificates. */
// 标准版本 is "2021版" (the org's form checks it).
const VERSION_OPTIONS = [{ value: "", label: "全部" }, ...pilotYears(new Date()).map((y) => ({ value: `${y}版`, label: `${y}版` }))];

export function StandardList({ kind, manage }: { kind: "skill" | "site"; manage?: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  const title = kind === "skill" ? "职业技能等级标准" : "考核站点建设标准";
  // Orgs maintain their own standards; they see everyone's.
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: !!manage });
  const [form, setForm] = useState<{ row: EditableStandard | null } | null>(null);
  const { toggle, message, refresh } = useStatusToggle(trpc.standards.enable.mutationOptions(), trpc.standards.disable.mutationOptions());
  return (
    <>
      <ListPage
        title={title}
        exportList={kind === "skill" ? "skillStandards" : "siteStandards"}
        exportLabel={`批量导出${title}`}
        fields={[
          { key: "code", label: "标准代码" },
          { key: "name", label: "标准名称" },
          { key: "version", label: "标准版本", options: VERSION_OPTIONS },
        ]}
        tabs={[
          { value: "ENABLED", label: "已启用" },
          { value: "DISABLED", label: "已停用" },
        ]}
        list={kind === "skill" ? trpc.lists.skillStandards : trpc.lists.siteStandards}
        columns={[
          { header: "标准代码", cell: (r) => r.code, className: "font-mono text-xs" },
          { header: "标准名称", cell: (r) => r.name },
          { header: "标准版本", cell: (r) => r.version },
          { header: "发布单位", cell: (r) => r.org.name },
          { header: "对应证书", cell: (r) => r.certificates.map((c) => c.name).join("、") || "—" },
          { header: "标准状态", cell: (r) => RECORD_STATUS_LABELS[r.status] },
        ]}
        toolbar={
          manage ? (
            <button className="btn-primary" onClick={() => setForm({ row: null })}>
              新增标准
            </button>
          ) : undefined
        }
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setOpen(r.id)}>
              查看
            </button>
            {manage &&
              me.data?.orgId === r.orgId &&
              (r.status === "DISABLED" ? (
                <>
                  <button className="btn-link text-amber-600" onClick={() => setForm({ row: r })}>
                    修改
                  </button>
                  <button className="btn-link" onClick={() => toggle({ kind, id: r.id }, true)}>
                    启用
                  </button>
                </>
              ) : (
                <button className="btn-link text-slate-500" onClick={() => toggle({ kind, id: r.id }, false)}>
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
      {form && (
        <StandardFormDialog
          kind={kind}
          title={title}
          row={form.row}
          onClose={() => setForm(null)}
          onSaved={async () => {
            setForm(null);
            await refresh();
          }}
        />
      )}
      {open && <StandardDetail kind={kind} id={open} title={title} onClose={() => setOpen(null)} />}
    </>
  );
}

function StandardDetail({ kind, id, title, onClose }: { kind: "skill" | "site"; id: string; title: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.catalogue.standard.queryOptions({ kind, id }));
  return (
    <DetailDialog title={`${title}详情`} onClose={onClose} query={q}>
      {(s) => (
        <div className="space-y-5">
          <InfoGrid
            items={[
              ["标准代码", s.code],
              ["标准名称", s.name],
              ["标准版本", s.version],
              ...(kind === "skill" ? [["职业教育专业大类", s.categories.join("、") || null] as [string, string | null]] : []),
              ["发布单位", s.org.name],
              ["标准状态", RECORD_STATUS_LABELS[s.status]],
              ["附件信息", <FileLink key="f" file={s.attachment} />],
            ]}
          />
          <Section title="对应证书">
            <ul className="list-inside list-disc">
              {s.certificates.flatMap((c) =>
                c.levels.map((l) => (
                  <li key={`${c.code}${l.level}`}>
                    {c.name}（{LEVEL_LABELS[l.level]}）
                  </li>
                )),
              )}
              {s.certificates.length === 0 && <li className="text-slate-400">暂无</li>}
            </ul>
          </Section>
        </div>
      )}
    </DetailDialog>
  );
}
