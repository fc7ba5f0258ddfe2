import { AuthPage } from "@/components/site-header";
import { RegisterForm } from "./form";

export const metadata = { title: "试点院校申报系统—注册账号" };

export default function Register() {
  return (
    <AuthPage>
      <RegisterForm />
    </AuthPage>
  );
}
