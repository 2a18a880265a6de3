import type { Metadata } from "next";
import { SermonForm } from "@/components/admin/sermon-form";
import { sermonFormOptions } from "@/lib/catalog/sermons/sermon-form-options";
import { EMPTY_SERMON_FORM } from "@/lib/catalog/sermons/sermon-input";
import { requireChurchPage } from "../../../_lib/admin-session";
import { createSermon } from "../actions";

export const metadata: Metadata = { title: "New sermon" };

export default async function NewSermonPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const options = await sermonFormOptions(church.id);
  return (
    <section className="mx-auto max-w-3xl rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
      <h2 className="text-lg font-semibold">New sermon</h2>
      <p className="mt-1 text-sm text-stone-600">
        Save the details first; you can upload the audio on the next page.
      </p>
      <div className="mt-8">
        <SermonForm
          action={createSermon.bind(null, slug)}
          values={EMPTY_SERMON_FORM}
          {...options}
          normalisedScripture={[]}
          submitLabel="Create sermon"
        />
      </div>
    </section>
  );
}
