// 证书发放 (002 §4.2): the record's states and the only ways between them. Both sides sign before anything is issued,
// a signature is final, a refusal needs a reason and leaves only 重新签发 (signing) open; issuing runs through 证书生成中
// to 完成发放 or 盖章失败, and 重新发放 (from either) returns the record to 证书待发放.
export const ISSUANCE_STATUSES = [
  "ORG_PENDING",
  "ORG_REFUSED",
  "SITE_PENDING",
  "SITE_REFUSED",
  "AWAITING_ISSUE",
  "GENERATING",
  "SEAL_FAILED",
  "ISSUED",
] as const;
export type IssuanceStatus = (typeof ISSUANCE_STATUSES)[number];

export const ISSUANCE_STATUS_LABELS: Record<IssuanceStatus, string> = {
  ORG_PENDING: "培训评价组织待签发",
  ORG_REFUSED: "培训评价组织拒绝签发",
  SITE_PENDING: "考核站点待签发",
  SITE_REFUSED: "考核站点拒绝签发",
  AWAITING_ISSUE: "证书待发放",
  GENERATING: "证书生成中",
  SEAL_FAILED: "盖章失败",
  ISSUED: "完成发放",
};

export type IssuanceAction =
  | { kind: "orgSign" }
  | { kind: "orgRefuse"; reason: string }
  | { kind: "siteSign" }
  | { kind: "siteRefuse"; reason: string }
  | { kind: "issue"; mode: "PAPER" | "ELECTRONIC" }
  | { kind: "generated" }
  | { kind: "sealFailed"; cause: string }
  | { kind: "reissue" };

export type IssuanceSide = "org" | "site";
/** Who takes each action: the org (培训评价组织), the school (考核站点), or the platform's generation job. */
export const ACTOR_OF: Record<IssuanceAction["kind"], IssuanceSide | "job"> = {
  orgSign: "org",
  orgRefuse: "org",
  siteSign: "site",
  siteRefuse: "site",
  issue: "org",
  generated: "job",
  sealFailed: "job",
  reissue: "org",
};

const NEXT: Record<IssuanceAction["kind"], Partial<Record<IssuanceStatus, IssuanceStatus>>> = {
  orgSign: { ORG_PENDING: "SITE_PENDING", ORG_REFUSED: "SITE_PENDING" },
  orgRefuse: { ORG_PENDING: "ORG_REFUSED" },
  siteSign: { SITE_PENDING: "AWAITING_ISSUE", SITE_REFUSED: "AWAITING_ISSUE" },
  siteRefuse: { SITE_PENDING: "SITE_REFUSED" },
  issue: { AWAITING_ISSUE: "GENERATING" },
  generated: { GENERATING: "ISSUED" },
  sealFailed: { GENERATING: "SEAL_FAILED" },
  reissue: { SEAL_FAILED: "AWAITING_ISSUE", ISSUED: "AWAITING_ISSUE" },
};

const ACTION_LABELS: Record<IssuanceAction["kind"], string> = {
  orgSign: "签发",
  orgRefuse: "拒绝签发",
  siteSign: "签发",
  siteRefuse: "拒绝签发",
  issue: "发放",
  generated: "完成发放",
  sealFailed: "标记盖章失败",
  reissue: "重新发放",
};

export const REASON_MAX = 200;

/** The state after the action, or the Chinese reason it cannot be taken from here. */
export function transition(from: IssuanceStatus, action: IssuanceAction): { to: IssuanceStatus } | { problem: string } {
  const to = NEXT[action.kind][from];
  if (!to) return { problem: `${ISSUANCE_STATUS_LABELS[from]}的记录不能${ACTION_LABELS[action.kind]}` };
  if (action.kind === "orgRefuse" || action.kind === "siteRefuse") {
    const r = action.reason.trim();
    if (!r) return { problem: "请填写拒绝签发理由" };
    if (r.length > REASON_MAX) return { problem: `拒绝签发理由不超过 ${REASON_MAX} 个字` };
  }
  if (action.kind === "sealFailed" && !action.cause.trim()) return { problem: "请说明盖章失败原因" };
  return { to };
}

/** The states each side works in (its tabs), and the states where both sides have signed. */
export const SIGNED_BY_BOTH: readonly IssuanceStatus[] = ["AWAITING_ISSUE", "GENERATING", "SEAL_FAILED", "ISSUED"];
export const SIGNED_BY_ORG: readonly IssuanceStatus[] = ["SITE_PENDING", "SITE_REFUSED", ...SIGNED_BY_BOTH];
