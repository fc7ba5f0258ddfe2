"use client";
import { useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "@/components/list/list-page";
import { ROLE_LABELS } from "@/domain/auth/portals";
import { actionLabel } from "@/domain/audit/actions";

const ACTIONS = [
  { value: "", label: "全部操作" },
  { value: "auth.", label: "登录与验证" },
  { value: "auth.lockout", label: "冻结与停用" },
  { value: "account.", label: "账号自助" },
  { value: "user.", label: "账号管理" },
  { value: "export", label: "导出" },
  { value: "import.", label: "导入" },
];

/** 审计日志 on the list engine; a workbench link may open it on 失败 and an action prefix. */
export function AuditPage() {
  const trpc = useTRPC();
  const sp = useSearchParams();
  return (
    <ListPage
      title="审计日志"
      description="审计记录只追加、不可修改或删除；不记录密码、验证码、令牌和完整证件号码。"
      exportList="auditLog"
      exportLabel="批量导出审计日志"
      visibleFields={4}
      initialTab={sp.get("outcome") === "FAILURE" ? "FAILURE" : ""}
      fields={[
        { key: "q", label: "账号 / 摘要 / IP" },
        { key: "action", label: "操作类型", options: ACTIONS, defaultValue: sp.get("action") ?? "" },
        { key: "from", label: "开始日期", inputType: "date" },
        { key: "to", label: "结束日期", inputType: "date" },
      ]}
      tabs={[
        { value: "SUCCESS", label: "成功" },
        { value: "FAILURE", label: "失败" },
      ]}
      list={trpc.lists.auditLog}
      columns={[
        { header: "时间", cell: (r) => r.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }), className: "whitespace-nowrap text-slate-500" },
        { header: "账号", cell: (r) => r.account ?? "—", className: "font-mono text-xs" },
        { header: "角色", cell: (r) => (r.role ? ROLE_LABELS[r.role] : "—"), className: "whitespace-nowrap" },
        { header: "操作", cell: (r) => <span title={r.action}>{actionLabel(r.action)}</span>, className: "whitespace-nowrap" },
        // A phone scrolls the table sideways: the summary keeps a readable width instead of a column of characters.
        { header: "摘要", cell: (r) => r.summary, className: "min-w-60" },
        {
          header: "结果",
          cell: (r) => (r.outcome === "SUCCESS" ? <span className="text-green-700">成功</span> : <span className="text-red-600">失败</span>),
          className: "whitespace-nowrap",
        },
        { header: "IP", cell: (r) => r.ip ?? "—", className: "font-mono text-xs" },
      ]}
    />
  );
}
