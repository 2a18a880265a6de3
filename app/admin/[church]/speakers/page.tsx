import type { Metadata } from "next";
import { AddItemForm } from "@/components/admin/add-item-form";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemList } from "@/components/admin/item-list";
import { getDb } from "@/lib/db/client";
import { listSpeakers } from "@/lib/speakers/speakers";
import { requireChurchPage } from "../../_lib/admin-session";
import { addSpeaker, removeSpeaker } from "./actions";

export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const speakers = await listSpeakers(getDb(), church.id);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section>
        <h2 className="mb-4 text-lg font-semibold">Speakers</h2>
        <ItemList
          empty="No speakers yet."
          items={speakers.map((speaker) => ({
            id: speaker.id,
            title: speaker.name,
            detail: speaker.bio,
            meta: `${speaker._count.sermons} sermon${speaker._count.sermons === 1 ? "" : "s"}`,
            actions: <DeleteButton action={removeSpeaker.bind(null, slug)} id={speaker.id} label={speaker.name} />,
          }))}
        />
      </section>
      <aside>
        <h2 className="mb-4 text-lg font-semibold">Add a speaker</h2>
        <AddItemForm action={addSpeaker.bind(null, slug)} nameField="name" nameLabel="Name" textField="bio" textLabel="Bio" submitLabel="Add speaker" />
      </aside>
    </div>
  );
}
