import { AuthPage } from "@/components/site-header";
import { ActivateForm } from "./form";

export const metadata = { title: "激活学生账号" };

export default function Activate() {
  return (
    <AuthPage>
      <ActivateForm />
    </AuthPage>
  );
}
