"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { useStatusToggle } from "../list/use-status-toggle";
import { DetailDialog, InfoGrid, Section } from "./detail";
import { ManageCertificateDialog, NewCertificateDialog } from "./certificate-manage";
import { LedgerInfoDialog } from "./ledger-info";
import { levelTitle } from "@/domain/catalogue/codes";
import { CATALOG_VERSION_LABELS, EXAM_MODE_LABELS, LEVEL_LABELS, MAJOR_LEVEL_LABELS, RECORD_STATUS_LABELS, examModesLabel } from "@/domain/catalogue/labels";

/** 证书信息管理. Schools switch between 已参与试点证书 and 全部证书; orgs between their own and all. */
export function CertificateList({ scopeSwitch, manage }: { scopeSwitch?: "school" | "org"; manage?: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  const [ledger, setLedger] = useState<string | null>(null);
  // Orgs maintain their own certificates.
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: !!manage });
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState<string | null>(null);
  const { toggle, message, refresh } = useStatusToggle(trpc.certificates.enable.mutationOptions(), trpc.certificates.disable.mutationOptions());
  const scope = scopeSwitch
    ? [
        {
          key: "scope" as const,
          label: "证书范围",
          defaultValue: "pilot",
          keepOnReset: true,
          options: [
            { value: "pilot", label: scopeSwitch === "school" ? "已参与试点证书" : "本机构证书" },
            { value: "all", label: "全部证书" },
          ],
        },
      ]
    : [];
  return (
    <>
      <ListPage
        title="证书信息管理"
        exportList="certificates"
        exportLabel="批量导出证书信息"
        fields={[...scope, { key: "code", label: "证书编号" }, { key: "name", label: "证书名称" }, { key: "orgName", label: "颁证机构" }]}
        tabs={[
          { value: "ENABLED", label: "已启用" },
          { value: "DISABLED", label: "已停用" },
        ]}
        list={trpc.lists.certificates}
        columns={[
          { header: "所属批次", cell: (r) => r.certificate.batch, className: "whitespace-nowrap" },
          { header: "证书编号", cell: (r) => r.code, className: "font-mono text-xs" },
          { header: "证书名称", cell: (r) => levelTitle(r.certificate.name, r.level) },
          { header: "颁证机构", cell: (r) => r.certificate.org.name },
          { header: "所属专业大类", cell: (r) => r.certificate.category },
          { header: "证书状态", cell: (r) => RECORD_STATUS_LABELS[r.certificate.status], className: "whitespace-nowrap" },
        ]}
        toolbar={
          manage ? (
            <button className="btn-primary" onClick={() => setCreating(true)}>
              新增证书
            </button>
          ) : undefined
        }
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setOpen(r.certificate.id)}>
              查看
            </button>
            <button className="btn-link" onClick={() => setLedger(r.certificate.id)}>
              上链信息
            </button>
            {/* 维护 and 启用/停用 act on the certificate, with all its levels. */}
            {manage && me.data?.orgId === r.certificate.orgId && (
              <>
                <button className="btn-link text-amber-600" onClick={() => setManaging(r.certificate.id)}>
                  维护
                </button>
                {r.certificate.status === "DISABLED" ? (
                  <button className="btn-link" onClick={() => toggle({ id: r.certificate.id }, true)}>
                    启用
                  </button>
                ) : (
                  <button className="btn-link text-slate-500" onClick={() => toggle({ id: r.certificate.id }, false)}>
                    停用
                  </button>
                )}
              </>
            )}
          </span>
        )}
      />
      {message && (
        <p className="alert-error mt-2" role="alert">
          {message}
        </p>
      )}
      {open && <CertificateDetail id={open} onClose={() => setOpen(null)} />}
      {ledger && <LedgerInfoDialog id={ledger} onClose={() => setLedger(null)} />}
      {creating && (
        <NewCertificateDialog
          onClose={() => setCreating(false)}
          onSaved={async () => {
            setCreating(false);
            await refresh();
          }}
        />
      )}
      {managing && (
        <ManageCertificateDialog
          id={managing}
          onClose={async () => {
            setManaging(null);
            await refresh();
          }}
        />
      )}
    </>
  );
}

export function CertificateDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.catalogue.certificate.queryOptions({ id }));
  return (
    <DetailDialog title="证书信息详情" onClose={onClose} query={q}>
      {(c) => (
        <div className="space-y-5">
          <Section title="证书基本信息">
            <InfoGrid
              items={[
                ["证书名称", c.name],
                ["证书代码", c.code],
                ["各等级证书编号", c.levels.map((l) => `${LEVEL_LABELS[l.level]} ${l.code}`).join("、")],
                ["开设时间", c.openedAt?.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })],
                ["颁证机构", c.org.name],
                ["考试方式", examModesLabel(c.examModes)],
                ["考试时间", c.examTimeNote],
                ["学时", c.hours ? `${c.hours} 学时` : null],
                ["建议学分", c.credits ? `${c.credits} 分` : null],
                ["专业大类", c.category],
                ["职业技能等级标准", c.skillStandard?.name],
                ["适用人群", c.targetGroups],
                ["取证要求", c.requirements],
              ]}
            />
            <InfoGrid
              items={[
                ["证书简介", c.intro],
                ["对应翻译", c.englishName ? `${c.englishName}. ${c.englishIntro ?? ""}` : null],
                [
                  "证书样本",
                  c.sampleFileId ? (
                    <a key="s" className="btn-link" href={`/api/files/${c.sampleFileId}`} target="_blank" rel="noreferrer">
                      预览证书样本（PDF）
                    </a>
                  ) : (
                    "未上传"
                  ),
                ],
              ]}
            />
          </Section>
          <Section title="证书等级与考试科目">
            <table className="table">
              <thead>
                <tr>
                  <th>等级</th>
                  <th>科目编号</th>
                  <th>科目名称</th>
                  <th>考试方式</th>
                  <th>时长</th>
                </tr>
              </thead>
              <tbody>
                {c.levels.flatMap((l) =>
                  l.subjects.map((s) => (
                    <tr key={s.id}>
                      <td>{LEVEL_LABELS[l.level]}</td>
                      <td className="font-mono text-xs">{s.code}</td>
                      <td>{s.name}</td>
                      <td>{EXAM_MODE_LABELS[s.examMode]}</td>
                      <td>{s.durationMinutes} 分钟</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </Section>
          <Section title="证书对应专业">
            <table className="table">
              <thead>
                <tr>
                  <th>专业代码</th>
                  <th>专业名称</th>
                  <th>专业层次</th>
                  <th>专业大类</th>
                  <th>目录版本</th>
                </tr>
              </thead>
              <tbody>
                {c.majors.map(({ major: m }) => (
                  <tr key={m.id}>
                    <td className="font-mono text-xs">{m.code}</td>
                    <td>{m.name}</td>
                    <td>{MAJOR_LEVEL_LABELS[m.level]}</td>
                    <td>{m.category}</td>
                    <td>{CATALOG_VERSION_LABELS[m.catalogVersion]}</td>
                  </tr>
                ))}
                {c.majors.length === 0 && (
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
