import { Field } from "./field";

export const PASSWORD_HINT = "8–64 位，包含大写字母、小写字母、数字、特殊符号中的至少三类，不能包含账号或手机号";

/** 新密码 + 确认密码, used by binding, forgot password and change password. */
export function NewPasswordFields({
  pw,
  pw2,
  onChange,
  label = "新密码",
}: {
  pw: string;
  pw2: string;
  onChange: (pw: string, pw2: string) => void;
  label?: string;
}) {
  return (
    <>
      <Field label={label} htmlFor="pw" required hint={PASSWORD_HINT}>
        <input id="pw" type="password" autoComplete="new-password" className="input" value={pw} onChange={(e) => onChange(e.target.value, pw2)} />
      </Field>
      <Field label="确认密码" htmlFor="pw2" required>
        <input id="pw2" type="password" autoComplete="new-password" className="input" value={pw2} onChange={(e) => onChange(pw, e.target.value)} />
      </Field>
    </>
  );
}
