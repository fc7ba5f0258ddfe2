import { getDb } from "@/server/db";
import { checkCertificate } from "@/server/issuance/verify-certificate";
import { PublicShell } from "@/components/public-shell";

export const dynamic = "force-dynamic";
export const metadata = { title: "证书核验" };

export default async function CertificateCheckPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<{ s?: string }> }) {
  const [{ number }, { s }] = await Promise.all([params, searchParams]);
  const c = await checkCertificate(getDb(), number, typeof s === "string" ? s : undefined);
  return (
    <PublicShell>
      <article className="card mx-auto max-w-2xl space-y-4 p-6" data-certificate-check={c ? (c.revoked ? "revoked" : "valid") : "unknown"}>
        <h1 className="text-xl font-semibold">证书核验 Certificate verification</h1>
        {c ? (
          <>
            {c.revoked ? (
              <p className="alert-error" role="alert">
                该证书已于 {c.revoked.on} 被颁证机构撤销，不再有效。撤销理由：{c.revoked.reason}
              </p>
            ) : (
              <p className="alert-ok" role="status">
                该证书由本平台发放，当前有效。This certificate was issued on this platform and is valid.
              </p>
            )}
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
              {(
                [
                  ["证书编号", c.certificateNumber],
                  ["姓名", c.name],
                  ["证件号码", c.idNumber],
                  ["证书名称", c.certificate],
                  ["颁证机构", c.org],
                  ["考核站点", c.school],
                  ["发证方式", c.mode],
                  ["发证日期", c.issuedOn],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="w-20 shrink-0 text-slate-500">{k}</dt>
                  <dd className="min-w-0 break-all">{v || "—"}</dd>
                </div>
              ))}
            </dl>
            {c.ledger && (
              <section className="space-y-1 rounded border border-slate-200 p-3 text-xs" aria-label="上链信息">
                <h2 className="font-medium">上链信息</h2>
                <p>区块高度：{c.ledger.height}</p>
                <p className="break-all font-mono">交易哈希：{c.ledger.leafHash}</p>
                <p className="break-all font-mono">块哈希：{c.ledger.rootHash}</p>
              </section>
            )}
            <p className="text-xs text-slate-500">请与持证人出示的证书逐项核对；姓名和证件号码已部分隐藏。</p>
          </>
        ) : (
          <p className="alert-error" role="alert">
            未找到该证书，或核验链接不完整。请扫描证书上的二维码重新核验。No certificate matches this link.
          </p>
        )}
      </article>
    </PublicShell>
  );
}
