import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { listSeries } from "@/lib/catalog/series/series";
import { requireChurchPage } from "../../_lib/admin-session";
import { addSeries, removeSeries } from "./actions";

export const metadata: Metadata = { title: "Series" };

export default async function SeriesPage({ params }: { params: Promise<{ church: string }> }) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const series = await listSeries(church.id);
  return (
    <CatalogPage
      heading="Series"
      empty="No series yet."
      items={series.map((item) => ({
        id: item.id,
        title: item.title,
        detail: item.description,
        sermonCount: item._count.sermons,
      }))}
      remove={removeSeries.bind(null, slug)}
      add={addSeries.bind(null, slug)}
      addHeading="Add a series"
      form={{
        nameField: "title",
        nameLabel: "Title",
        textField: "description",
        textLabel: "Description",
        submitLabel: "Add series",
      }}
    />
  );
}
