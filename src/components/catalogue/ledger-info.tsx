"use client";
// 上链信息 (002 §4.1): the certificate's 区块高度, 块哈希 and 交易哈希, checked here in the browser: the record's bytes
// hash to its 交易哈希, the audit path leads to the signed tree head, and the head carries the platform's signature.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { checkEntry } from "@/domain/ledger/verify";
import { DetailDialog, InfoGrid, Section } from "./detail";

const when = (d: Date | number) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
const Hash = ({ v }: { v: string }) => <code className="font-mono text-xs break-all">{v}</code>;

export function LedgerInfoDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.catalogue.certificateLedger.queryOptions({ id }));
  return (
    <DetailDialog title="证书上链信息" onClose={onClose} query={q}>
      {({ certificate: c, entry, versions, head, proof }) => {
        if (!entry || !head || !proof) return <p className="text-slate-500">{`${c.name}（${c.code}）尚未上链。`}</p>;
        const check = checkEntry(entry, proof, head);
        return (
          <div className="space-y-5" data-ledger-check={check.ok ? "ok" : "failed"}>
            <Section title={`${c.name}（${c.code}）`}>
              <InfoGrid
                items={[
                  ["区块高度", entry.blockHeight],
                  ["上链时间", when(entry.createdAt)],
                  ["块哈希", <Hash key="r" v={entry.rootHash} />],
                  ["交易哈希", <Hash key="l" v={entry.leafHash} />],
                  ["上链次数", `${versions} 次（每次修改证书定义追加一条，以最新一条为准）`],
                ]}
              />
            </Section>
            <Section title="校验结果">
              <ul className="space-y-1 text-sm" aria-live="polite">
                {(
                  [
                    [check.leaf, "记录内容的哈希与交易哈希一致"],
                    [check.inclusion, `包含证明成立：该记录位于第 ${head.treeSize} 号签名树头（${when(head.timestamp)}）的默克尔树中`],
                    [check.signature, "签名树头的 Ed25519 签名有效"],
                  ] as const
                ).map(([ok, text]) => (
                  <li key={text} className={ok ? "text-emerald-700" : "font-semibold text-red-700"}>
                    {ok ? "✓ " : "✗ 未通过："}
                    {text}
                  </li>
                ))}
              </ul>
              <p className="text-xs text-slate-500">
                校验在您的浏览器中完成（RFC 6962 默克尔树）。签名公钥：
                <Hash v={head.publicKey} />
                ；任何人可通过 <code>/api/ledger/head</code> 与 <code>/api/ledger/proof/inclusion?index={entry.index}</code> 独立复核。
              </p>
            </Section>
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">查看上链记录原文</summary>
              <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-3 text-xs break-all whitespace-pre-wrap" tabIndex={0} aria-label="上链记录原文">
                {entry.leaf}
              </pre>
            </details>
          </div>
        );
      }}
    </DetailDialog>
  );
}
