import { ChurchCard } from "@/components/church-card";
import { SermonList } from "@/components/listener/sermon-list";
import { listLatestSermons } from "@/lib/catalog/queries";
import { listChurches } from "@/lib/catalog/churches/queries";
import { EmptyState } from "@/components/listener/empty-state";
import { SectionHeading } from "@/components/listener/section-heading";
import { PersonalShelves } from "@/components/account/personal-shelves";

const LATEST_SERMON_COUNT = 6;

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [churches, latestSermons] = await Promise.all([
    listChurches(),
    listLatestSermons(LATEST_SERMON_COUNT),
  ]);
  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-amber-50 to-stone-50">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-widest text-amber-700">Selah</p>
          <h1 className="mt-3 max-w-3xl font-serif text-4xl font-semibold leading-tight tracking-tight text-stone-900 sm:text-5xl">
            Sermons worth returning to.
          </h1>
          <p className="mt-5 max-w-2xl text-lg leading-8 text-stone-600">
            Listen to your church&rsquo;s preaching anywhere, and jump straight to the moment that
            answers your question.
          </p>
        </div>
      </section>
      <PersonalShelves />
      <section aria-labelledby="latest-heading" className="mx-auto max-w-6xl px-4 pt-12 sm:px-6">
        <SectionHeading id="latest-heading" title="Latest sermons" />
        <SermonList
          sermons={latestSermons}
          showChurch
          columns={2}
          empty={{
            title: "Nothing to listen to yet",
            body: "New sermons appear here as soon as a church publishes them.",
          }}
        />
      </section>
      <section aria-labelledby="churches-heading" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <SectionHeading
          id="churches-heading"
          title="Churches"
          count={churches.length === 1 ? "1 church" : `${churches.length} churches`}
        />
        {churches.length === 0 ? (
          <EmptyState
            title="No churches yet"
            body={
              <>
                Create one with{" "}
                <code className="rounded bg-stone-100 px-1.5 py-0.5">npm run db:seed</code> to
                explore with demo data.
              </>
            }
          />
        ) : (
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {churches.map((church) => (
              <li key={church.slug}>
                <ChurchCard church={church} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
