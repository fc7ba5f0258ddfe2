import { ChangePasswordForm } from "./form";

export const metadata = { title: "修改密码" };

export default function Page() {
  return <ChangePasswordForm />;
}
