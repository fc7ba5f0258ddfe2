// 等保 asks for complexity (ASVS discourages it); we follow 等保: 8–64 characters, at least three of
// upper case, lower case, digits and symbols, not the account name, not a common password.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export function checkPassword(password: string, ctx: { account?: string | null; phone?: string | null } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`;
  if (password.length > PASSWORD_MAX) return `密码不能超过 ${PASSWORD_MAX} 位`;
  if (/\s/.test(password)) return "密码不能包含空格";
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return "密码需包含大写字母、小写字母、数字、特殊符号中的至少三类";
  const lower = password.toLowerCase();
  if (ctx.account && lower.includes(ctx.account.toLowerCase())) return "密码不能包含账号";
  if (ctx.phone && password.includes(ctx.phone)) return "密码不能包含手机号";
  if (COMMON_PASSWORDS.has(lower)) return "密码过于常见，请换一个";
  return null;
}
