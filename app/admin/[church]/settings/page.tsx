import type { Metadata } from "next";
import { ChurchSettingsForm } from "@/components/admin/church-settings-form";
import { getChurchSettings, TIMEZONES } from "@/lib/catalog/churches/church-settings";
import { hasRole } from "@/lib/platform/auth/church-access";
import { requireChurchPage } from "../../_lib/admin-session";
import { saveChurchSettings } from "./actions";

export const metadata: Metadata = { title: "Church settings" };

export default async function SettingsPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church, role } = await requireChurchPage(slug);
  if (!hasRole(role, "admin")) {
    return (
      <p className="rounded-2xl border border-stone-200 bg-white p-8 text-center text-stone-600">
        Church settings need the admin or owner role.
      </p>
    );
  }
  const settings = await getChurchSettings(church.id);
  return (
    <section className="mx-auto max-w-3xl rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
      <h2 className="text-lg font-semibold">Church settings</h2>
      <div className="mt-8">
        <ChurchSettingsForm
          action={saveChurchSettings.bind(null, slug)}
          values={{
            name: settings.name,
            description: settings.description ?? "",
            websiteUrl: settings.websiteUrl ?? "",
            givingUrl: settings.givingUrl ?? "",
            timezone: settings.timezone,
          }}
          timezones={TIMEZONES}
        />
      </div>
    </section>
  );
}
