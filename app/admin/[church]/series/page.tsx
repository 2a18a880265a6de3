import type { Metadata } from "next";
import { AddItemForm } from "@/components/admin/add-item-form";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemList } from "@/components/admin/item-list";
import { getDb } from "@/lib/db/client";
import { listSeries } from "@/lib/series/series";
import { requireChurchPage } from "../../_lib/admin-session";
import { addSeries, removeSeries } from "./actions";

export const metadata: Metadata = { title: "Series" };

export default async function SeriesPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const series = await listSeries(getDb(), church.id);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section>
        <h2 className="mb-4 text-lg font-semibold">Series</h2>
        <ItemList
          empty="No series yet."
          items={series.map((item) => ({
            id: item.id,
            title: item.title,
            detail: item.description,
            meta: `${item._count.sermons} sermon${item._count.sermons === 1 ? "" : "s"}`,
            actions: <DeleteButton action={removeSeries.bind(null, slug)} id={item.id} label={item.title} />,
          }))}
        />
      </section>
      <aside>
        <h2 className="mb-4 text-lg font-semibold">Add a series</h2>
        <AddItemForm action={addSeries.bind(null, slug)} nameField="title" nameLabel="Title" textField="description" textLabel="Description" submitLabel="Add series" />
      </aside>
    </div>
  );
}
