import Link from "next/link";
import { getDb } from "@/server/db";
import { checkCertificate } from "@/server/issuance/verify-certificate";
import { PublicShell } from "@/components/public-shell";
import { CertificateProof, type Lang } from "@/components/public/certificate-proof";

export const dynamic = "force-dynamic";
export const metadata = { title: "证书核验 Certificate verification" };

const T = {
  zh: {
    title: "证书核验",
    valid: "该证书由本平台发放，当前有效。",
    revoked: (on: string, reason: string) => `该证书已于 ${on} 被颁证机构撤销，不再有效。撤销理由：${reason}`,
    unknown: "未找到该证书，或核验链接不完整、已被改动。请扫描证书上的二维码重新核验。",
    fields: ["证书编号", "姓名", "证件号码", "证书名称", "颁证机构", "考核站点", "发证方式", "发证日期"],
    ledger: "上链信息",
    height: "区块高度",
    tx: "交易哈希",
    block: "块哈希",
    note: "请与持证人出示的证书逐项核对；姓名和证件号码已部分隐藏。",
    other: "English",
  },
  en: {
    title: "Certificate verification",
    valid: "This certificate was issued on this platform and is valid.",
    revoked: (on: string, reason: string) => `This certificate was revoked by its issuer on ${on} and is no longer valid. Reason: ${reason}`,
    unknown: "No certificate matches this link, or the link is incomplete or altered. Please scan the QR code on the certificate again.",
    fields: ["Certificate No.", "Name", "ID No.", "Certificate", "Issued by", "Assessment site", "Form", "Date of issue"],
    ledger: "Ledger record",
    height: "Block height",
    tx: "Transaction hash",
    block: "Block hash",
    note: "Compare each item with the certificate shown to you; the name and ID number are partly hidden.",
    other: "中文",
  },
};

export default async function CertificateCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ s?: string; lang?: string }>;
}) {
  const [{ number }, { s, lang: l }] = await Promise.all([params, searchParams]);
  const lang: Lang = l === "en" ? "en" : "zh";
  const t = T[lang];
  const sig = typeof s === "string" ? s : undefined;
  const c = await checkCertificate(getDb(), number, sig);
  const other = `/verify/${encodeURIComponent(number)}?${new URLSearchParams({ ...(sig ? { s: sig } : {}), ...(lang === "zh" ? { lang: "en" } : {}) })}`;
  return (
    <PublicShell>
      <article
        lang={lang === "en" ? "en" : "zh-CN"}
        className="card mx-auto max-w-2xl space-y-4 p-4 sm:p-6"
        data-certificate-check={c ? (c.revoked ? "revoked" : "valid") : "unknown"}
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <Link href={other} className="text-sm text-brand-700 underline" hrefLang={lang === "zh" ? "en" : "zh-CN"}>
            {t.other}
          </Link>
        </div>
        {c ? (
          <>
            {c.revoked ? (
              <p className="alert-error" role="alert">
                {t.revoked(lang === "en" ? c.revoked.onIso : c.revoked.on, c.revoked.reason)}
              </p>
            ) : (
              <p className="alert-ok" role="status">
                {t.valid}
              </p>
            )}
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
              {[
                c.certificateNumber,
                c.name,
                c.idNumber,
                lang === "en" ? c.certificateEn : c.certificate,
                c.org,
                c.school,
                lang === "en" ? c.modeEn : c.mode,
                lang === "en" ? c.issuedOnIso : c.issuedOn,
              ].map((v, i) => (
                <div key={t.fields[i]} className="flex gap-2">
                  <dt className="w-28 shrink-0 text-slate-500">{t.fields[i]}</dt>
                  <dd className="min-w-0 break-all">{v || "—"}</dd>
                </div>
              ))}
            </dl>
            {c.ledger && (
              <>
                <section className="space-y-1 rounded border border-slate-200 p-3 text-xs" aria-label={t.ledger}>
                  <h2 className="font-medium">{t.ledger}</h2>
                  <p>
                    {t.height}: {c.ledger.height}
                  </p>
                  <p className="font-mono break-all">
                    {t.tx}: {c.ledger.leafHash}
                  </p>
                  <p className="font-mono break-all">
                    {t.block}: {c.ledger.rootHash}
                  </p>
                </section>
                <CertificateProof certificateNumber={c.certificateNumber} issuedIndex={c.ledger.index} revocationIndex={c.revocationIndex} lang={lang} />
              </>
            )}
            <p className="text-xs text-slate-500">{t.note}</p>
          </>
        ) : (
          <p className="alert-error" role="alert">
            {t.unknown}
          </p>
        )}
      </article>
    </PublicShell>
  );
}
