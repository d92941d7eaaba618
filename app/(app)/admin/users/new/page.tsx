import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "./create-user-form";

export default async function NewUserPage() {
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("new")} />
      <CreateUserForm />
    </>
  );
}
