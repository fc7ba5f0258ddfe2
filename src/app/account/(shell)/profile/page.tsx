import { ProfileForm } from "./form";

export const metadata = { title: "修改资料" };

export default function Page() {
  return <ProfileForm />;
}
