import Link from "next/link";
import type { ChurchSummary } from "@/lib/catalog/churches/queries";
import { ChurchMonogram } from "./church-monogram";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ChurchCard({ church }: { church: ChurchSummary }) {
  return (
    <article
      data-testid="church-card"
      className="relative flex h-full flex-col rounded-2xl border border-stone-200 bg-white p-6 shadow-sm transition hover:border-amber-300 hover:shadow-md"
    >
      <div className="flex items-center gap-3">
        <ChurchMonogram name={church.name} size="card" />
        <h3 className="text-lg font-semibold tracking-tight text-stone-900">
          <Link
            href={`/churches/${church.slug}`}
            className="after:absolute after:inset-0 focus-visible:outline-none"
          >
            {church.name}
          </Link>
        </h3>
      </div>
      {church.description && (
        <p className="mt-4 flex-1 text-sm leading-6 text-stone-600">{church.description}</p>
      )}
      <dl className="mt-6 flex flex-wrap gap-x-4 gap-y-1 text-xs font-medium text-stone-500">
        <div>
          <dt className="sr-only">Sermons</dt>
          <dd>{count(church.sermonCount, "sermon")}</dd>
        </div>
        <div>
          <dt className="sr-only">Speakers</dt>
          <dd>{count(church.speakerCount, "speaker")}</dd>
        </div>
        <div>
          <dt className="sr-only">Series</dt>
          <dd>{count(church.seriesCount, "series", "series")}</dd>
        </div>
      </dl>
    </article>
  );
}
