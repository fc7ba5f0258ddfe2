import { AuthPage } from "@/components/site-header";
import { LoginForm } from "@/components/login-form";

export const metadata = { title: "登录" };

export default function Login() {
  return (
    <AuthPage>
      <LoginForm portal="admin" />
    </AuthPage>
  );
}
