import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "./create-user-form";

export default async function NewUserPage() {
  const t = await getTranslations("users");
  return (
    <PageMessages namespaces={["users"]}>
      <PageHeader title={t("new")} />
      <CreateUserForm />
    </PageMessages>
  );
}
