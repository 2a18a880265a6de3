import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { listSpeakers } from "@/lib/catalog/speakers/speakers";
import { requireChurchPage } from "../../_lib/admin-session";
import { addSpeaker, removeSpeaker } from "./actions";

export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const speakers = await listSpeakers(church.id);
  return (
    <CatalogPage
      heading="Speakers"
      empty="No speakers yet."
      items={speakers.map((speaker) => ({
        id: speaker.id,
        title: speaker.name,
        detail: speaker.bio,
        sermonCount: speaker._count.sermons,
      }))}
      remove={removeSpeaker.bind(null, slug)}
      add={addSpeaker.bind(null, slug)}
      addHeading="Add a speaker"
      form={{
        nameField: "name",
        nameLabel: "Name",
        textField: "bio",
        textLabel: "Bio",
        submitLabel: "Add speaker",
      }}
    />
  );
}
