"use client";
// 证书核验, checked in the visitor's own browser: the certificate's ledger leaf hashes to its 交易哈希, its RFC 6962
// audit path leads to the latest signed tree head, the head carries the platform's Ed25519 signature, and the leaf
// names this certificate. A revocation is checked the same way. Nothing here trusts the page's own claims.
import { useEffect, useState } from "react";
import { checkEntry, type EntryCheck, type HeadToCheck } from "@/domain/ledger/verify";

export type Lang = "zh" | "en";
type Leaf = { index: number; leaf: string; leafHash: string };
type Checked = EntryCheck & { names: boolean };
type State = { kind: "checking" } | { kind: "failed"; reason: string } | { kind: "done"; head: HeadToCheck; issued: Checked; revoked: Checked | null };

const T = {
  zh: {
    checking: "正在浏览器中校验上链证明…",
    unreachable: "无法取得上链证明，请稍后重试。",
    title: "上链校验（在您的浏览器中完成）",
    leaf: "上链记录内容的哈希与交易哈希一致",
    inclusion: (n: number) => `包含证明成立：该记录位于最新签名树头（树大小 ${n}）的默克尔树中`,
    signature: "签名树头的 Ed25519 签名有效",
    names: "上链记录中的证书编号与本页证书一致",
    revocation: "撤销记录同样已上链，且通过上述校验",
    ok: "校验通过：该证书的发证记录已上链且未被篡改。",
    okRevoked: "校验通过，但该证书已被撤销，不再有效。",
    bad: "校验未通过：上链证明与本证书不符，请勿采信。",
    key: "签名公钥指纹",
    how: "方法：RFC 6962 默克尔树包含证明与 Ed25519 签名。任何人可通过 /api/ledger/head 与 /api/ledger/proof/inclusion 独立复核。",
  },
  en: {
    checking: "Checking the ledger proof in your browser…",
    unreachable: "The ledger proof could not be fetched. Please try again later.",
    title: "Ledger check (done in your browser)",
    leaf: "The ledger record hashes to its transaction hash",
    inclusion: (n: number) => `Inclusion proof holds: the record is in the Merkle tree of the latest signed tree head (size ${n})`,
    signature: "The tree head's Ed25519 signature is valid",
    names: "The ledger record names this certificate's number",
    revocation: "The revocation is on the ledger too, and passes the same checks",
    ok: "Verified: this certificate's issue record is on the ledger and unaltered.",
    okRevoked: "Verified, but this certificate has been revoked and is no longer valid.",
    bad: "Verification failed: the ledger proof does not match this certificate. Do not rely on it.",
    key: "Signing key fingerprint",
    how: "Method: RFC 6962 Merkle inclusion proof and an Ed25519 signature. Anyone can re-check through /api/ledger/head and /api/ledger/proof/inclusion.",
  },
};

async function get<J>(url: string): Promise<J> {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) throw new Error(String(r.status));
  return r.json() as Promise<J>;
}

async function checkLeaf(index: number, head: HeadToCheck, type: string, certificateNumber: string): Promise<Checked> {
  const [entry, proof] = await Promise.all([
    get<Leaf>(`/api/ledger/entries/${index}`),
    get<{ leafIndex: number; treeSize: number; auditPath: string[] }>(`/api/ledger/proof/inclusion?index=${index}&treeSize=${head.treeSize}`),
  ]);
  const check = checkEntry(entry, proof, head);
  let names = false;
  try {
    const leaf = JSON.parse(entry.leaf) as { type?: string; certificateNumber?: string };
    names = leaf.type === type && leaf.certificateNumber === certificateNumber;
  } catch {
    names = false;
  }
  return { ...check, names, ok: check.ok && names };
}

export function CertificateProof({
  certificateNumber,
  issuedIndex,
  revocationIndex,
  lang,
}: {
  certificateNumber: string;
  issuedIndex: number;
  revocationIndex: number | null;
  lang: Lang;
}) {
  const t = T[lang];
  const [state, setState] = useState<State>({ kind: "checking" });
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const head = await get<HeadToCheck>("/api/ledger/head");
        const issued = await checkLeaf(issuedIndex, head, "certificate-issued", certificateNumber);
        const revoked = revocationIndex === null ? null : await checkLeaf(revocationIndex, head, "certificate-revoked", certificateNumber);
        if (live) setState({ kind: "done", head, issued, revoked });
      } catch {
        if (live) setState({ kind: "failed", reason: t.unreachable });
      }
    })();
    return () => {
      live = false;
    };
  }, [certificateNumber, issuedIndex, revocationIndex, t]);

  if (state.kind === "checking")
    return (
      <p role="status" className="text-sm text-slate-600" data-proof="checking">
        {t.checking}
      </p>
    );
  if (state.kind === "failed")
    return (
      <p role="alert" className="alert-error" data-proof="unreachable">
        {state.reason}
      </p>
    );
  const { head, issued, revoked } = state;
  const ok = issued.ok && (revoked ? revoked.ok : true);
  const lines: [boolean, string][] = [
    [issued.leaf, t.leaf],
    [issued.inclusion, t.inclusion(head.treeSize)],
    [issued.signature, t.signature],
    [issued.names, t.names],
    ...(revoked ? ([[revoked.ok, t.revocation]] as [boolean, string][]) : []),
  ];
  return (
    <section className="space-y-2 rounded border border-slate-200 p-3" aria-label={t.title} data-proof={ok ? (revoked ? "revoked" : "ok") : "failed"}>
      <h2 className="font-medium">{t.title}</h2>
      <ul className="space-y-1 text-sm" aria-live="polite">
        {lines.map(([good, text]) => (
          <li key={text} className={good ? "text-emerald-700" : "font-semibold text-red-700"}>
            {good ? "✓ " : "✗ "}
            {text}
          </li>
        ))}
      </ul>
      <p className={ok && !revoked ? "alert-ok" : "alert-error"} role={ok && !revoked ? "status" : "alert"}>
        {!ok ? t.bad : revoked ? t.okRevoked : t.ok}
      </p>
      <p className="text-xs break-all text-slate-500">
        {t.key}: <code className="font-mono">{head.keyId.slice(0, 32)}</code>
        <br />
        {t.how}
      </p>
    </section>
  );
}
