import { AuthPage } from "@/components/site-header";
import { ForgotPasswordForm } from "./form";

export const metadata = { title: "忘记密码" };

export default function ForgotPassword() {
  return (
    <AuthPage>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
