// Lockout after wrong passwords (manual 001 §1.2): several in a row freeze the account for a while,
// five or more disable it until a superior re-enables it.
// A malicious lock-out (anyone can type a school's account name before exam day) is limited:
// failures from a browser this account never verified only freeze, with growing periods; only
// failures from one of the account's own trusted browsers can disable it. The freeze already stops
// any password check while it lasts, so an attacker gets at most a few guesses per period.
export const FREEZE_AFTER = 3;
export const DISABLE_AFTER = 5;
export const MAX_FREEZE_SECONDS = 24 * 3600;

/**
 * The one answer to every failed login until the password is proven right (unknown account, wrong password,
 * frozen, stopped): a different answer would tell a stranger which accounts exist and which are frozen.
 */
export const LOGIN_FAILED = `账号或密码错误。连续输错 ${FREEZE_AFTER} 次账号将被临时冻结，请稍后再试或点击“忘记密码”重置`;

export type FailureOutcome = { kind: "none"; remaining: number } | { kind: "freeze"; until: Date } | { kind: "disable" };

export function onPasswordFailure(opts: { failures: number; fromTrustedDevice: boolean; now: Date; freezeSeconds: number }): FailureOutcome {
  const { failures, fromTrustedDevice, now, freezeSeconds } = opts;
  if (failures >= DISABLE_AFTER && fromTrustedDevice) return { kind: "disable" };
  if (failures >= FREEZE_AFTER) {
    const factor = 2 ** Math.min(failures - FREEZE_AFTER, 10);
    const seconds = Math.min(freezeSeconds * factor, MAX_FREEZE_SECONDS);
    return { kind: "freeze", until: new Date(now.getTime() + seconds * 1000) };
  }
  return { kind: "none", remaining: FREEZE_AFTER - failures };
}
