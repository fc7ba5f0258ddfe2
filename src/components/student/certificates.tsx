"use client";
// 我的证书 (学生个人空间): each issued certificate with its number, org and date, valid or revoked; the PDF while
// valid, and the public verification link that its QR code carries.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { beijing } from "../datetime";

export function StudentCertificates() {
  const trpc = useTRPC();
  const q = useQuery(trpc.student.certificates.queryOptions());
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const list = q.data ?? [];
  return (
    <div className="card space-y-4 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">我的证书</h1>
      <p className="alert-info">
        证书经培训评价组织和考核站点双方签发后发放。电子证书可下载 PDF；证书上的二维码可供用人单位在线核验真伪。可验证凭证（W3C Verifiable Credential / Open
        Badges 3.0）可导入数字钱包，由平台签名，任何人可用通用的凭证验证工具核验。
      </p>
      {list.length === 0 && <p className="text-slate-600">暂无已发放的证书。</p>}
      {list.map((c) => (
        <section key={c.id} className="space-y-2 rounded border border-slate-200 p-4" aria-label={c.certificate} data-certificate={c.certificateNumber}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="font-semibold">{c.certificate}</h2>
            <span className={c.revoked ? "rounded bg-red-50 px-2 py-0.5 text-sm text-red-700" : "rounded bg-green-50 px-2 py-0.5 text-sm text-green-800"}>
              {c.revoked ? "已撤销" : "有效"}
            </span>
          </div>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {(
              [
                ["证书编号", <span className="break-all font-mono">{c.certificateNumber}</span>],
                ["颁证机构", c.org],
                ["发证时间", beijing(c.issuedAt)],
                ["发证方式", c.mode],
                ["考试计划", c.plan],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="flex gap-2">
                <dt className="w-20 shrink-0 text-slate-500">{k}</dt>
                <dd className="min-w-0">{v}</dd>
              </div>
            ))}
          </dl>
          {c.revoked && (
            <p className="alert-error text-sm">
              该证书已于 {beijing(c.revokedAt!)} 撤销：{c.revocationReason}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {c.fileId && (
              <a className="btn-primary" href={`/api/files/${c.fileId}`} download>
                下载电子证书
              </a>
            )}
            {!c.revoked && (
              <a className="btn-default" href={`/api/certificates/${c.id}/credential`} download>
                下载可验证凭证
              </a>
            )}
            <a className="btn-default" href={c.verifyPath}>
              在线核验
            </a>
          </div>
        </section>
      ))}
    </div>
  );
}
