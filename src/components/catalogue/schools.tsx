"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { DetailDialog, InfoGrid, Section } from "./detail";
import { LEVEL_LABELS, SCHOOL_STATUS_LABELS, SCHOOL_TYPE_LABELS, schoolAttribute } from "@/domain/catalogue/labels";
import { EditSchoolDialog, SignatureDialog } from "../school/edit-school";
import { levelTitle } from "@/domain/catalogue/codes";

const TYPES = [{ value: "", label: "全部" }, ...Object.entries(SCHOOL_TYPE_LABELS).map(([value, label]) => ({ value, label }))];

/** 试点院校管理: a school sees itself, a department the schools of its region, the admin all. */
export function SchoolList({ title = "试点院校管理", own }: { title?: string; own?: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  // In the school portal the principal edits its own school and manages the e-signature.
  const mine = useQuery({ ...trpc.school.mine.queryOptions(), enabled: !!own });
  const [dialog, setDialog] = useState<"edit" | "signature" | null>(null);
  return (
    <>
      <ListPage
        title={title}
        exportList="schools"
        exportLabel="批量导出院校信息"
        fields={[
          { key: "code", label: "院校代码" },
          { key: "name", label: "院校名称" },
          {
            key: "pilot",
            label: "院校属性",
            options: [
              { value: "", label: "全部" },
              { value: "yes", label: "试点院校机构" },
              { value: "no", label: "非试点院校机构" },
            ],
          },
          { key: "type", label: "院校类型", options: TYPES },
        ]}
        tabs={[
          { value: "ENABLED", label: "已启用" },
          { value: "DISABLED", label: "已停用" },
        ]}
        list={trpc.lists.schools}
        columns={[
          { header: "院校代码", cell: (r) => r.code, className: "font-mono text-xs" },
          { header: "院校名称", cell: (r) => r.name },
          { header: "院校属性", cell: (r) => schoolAttribute(r) },
          { header: "院校类型", cell: (r) => SCHOOL_TYPE_LABELS[r.type] },
          { header: "所在地区", cell: (r) => r.region.name },
          { header: "院校状态", cell: (r) => SCHOOL_STATUS_LABELS[r.status] },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setOpen(r.id)}>
              查看
            </button>
            {mine.data?.canEdit && mine.data.id === r.id && (
              <>
                <button className="btn-link text-amber-600" onClick={() => setDialog("edit")}>
                  编辑
                </button>
                <button className="btn-link text-amber-600" onClick={() => setDialog("signature")}>
                  电子签章
                </button>
              </>
            )}
          </span>
        )}
      />
      {open && <SchoolDetail id={open} onClose={() => setOpen(null)} />}
      {dialog === "edit" && <EditSchoolDialog onClose={() => setDialog(null)} />}
      {dialog === "signature" && <SignatureDialog onClose={() => setDialog(null)} />}
    </>
  );
}

function SchoolDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.catalogue.school.queryOptions({ id }));
  return (
    <DetailDialog title="院校信息详情" onClose={onClose} query={q}>
      {(s) => (
        <div className="space-y-5">
          <Section title="院校基本信息">
            <InfoGrid
              items={[
                ["院校名称", s.name],
                ["院校代码", s.code],
                ["统一社会信用代码", s.uscc],
                ["院校类型", SCHOOL_TYPE_LABELS[s.type]],
                ["院校属性", s.attribute],
                ["院校状态", SCHOOL_STATUS_LABELS[s.status]],
                ["主管单位", s.supervisingDepartment],
                ["所在地区", s.regionPath],
                ["详细地址", s.address],
                ["院校网址", s.website],
                [
                  "院校 LOGO",
                  s.logoFileId ? <img key="logo" src={`/api/files/${s.logoFileId}`} alt={`${s.name}的 LOGO`} className="h-16 w-16 rounded border" /> : null,
                ],
                ["院校简介", s.intro],
              ]}
            />
          </Section>
          <Section title="联系人信息">
            <InfoGrid
              items={[
                ["联系人姓名", s.contactName],
                ["联系人手机号", s.contactPhone],
                ["联系人邮箱", s.contactEmail],
                ["负责人账号", s.principal ? `${s.principal.account}（${s.principal.name ?? "未绑定"}）` : null],
              ]}
            />
          </Section>
          <Section title="证书负责人信息">
            <table className="table">
              <thead>
                <tr>
                  <th>姓名</th>
                  <th>手机号</th>
                  <th>邮箱</th>
                  <th>负责证书</th>
                </tr>
              </thead>
              <tbody>
                {s.owners.map((o, i) => (
                  <tr key={i}>
                    <td>{o.name ?? "—"}</td>
                    <td>{o.phone ?? "—"}</td>
                    <td>{o.email ?? "—"}</td>
                    <td>{o.levels.map((l) => levelTitle(l.name, l.level)).join("、")}</td>
                  </tr>
                ))}
                {s.owners.length === 0 && (
                  <tr>
                    <td colSpan={4} className="text-center text-slate-400">
                      暂无证书负责人
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </Section>
          <Section title="历年试点证书">
            <table className="table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>证书名称</th>
                  <th>等级</th>
                  <th>颁证机构</th>
                  <th>批准培训人数</th>
                </tr>
              </thead>
              <tbody>
                {s.pilots.map((p) => (
                  <tr key={`${p.year}${p.code}${p.level}`}>
                    <td>{p.year}</td>
                    <td>{p.name}</td>
                    <td>{LEVEL_LABELS[p.level]}</td>
                    <td>{p.org}</td>
                    <td>{p.approvedTotal ?? "—"}</td>
                  </tr>
                ))}
                {s.pilots.length === 0 && (
                  <tr>
                    <td colSpan={5} className="text-center text-slate-400">
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
