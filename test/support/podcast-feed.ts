// Test-only: podcast feeds written as hosts write them (RSS 2.0 with the iTunes and
// Podcasting 2.0 namespaces), for the import tests' local feed server.

export interface FixtureItem {
  title: string;
  /** Omitted: the item has no <guid> (its enclosure URL identifies it). */
  guid?: string;
  enclosureUrl: string;
  enclosureLength?: number;
  pubDate?: string;
  /** HTML, as feeds carry it (in CDATA). */
  description?: string;
  person?: string;
  author?: string;
  season?: { number: number; name?: string };
  keywords?: string;
  transcripts?: { url: string; type: string }[];
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function podcastFeedXml(title: string, items: readonly FixtureItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${escape(title)}</title>
<link>https://church.example.org</link>
<description>Sermons</description>
<language>en</language>
<itunes:author>Fixture Church</itunes:author>
<itunes:category text="Religion &amp; Spirituality"><itunes:category text="Christianity"/></itunes:category>
${items.map(itemXml).join("\n")}
</channel>
</rss>
`;
}

function itemXml(item: FixtureItem): string {
  return [
    "<item>",
    `<title>${escape(item.title)}</title>`,
    item.guid === undefined ? "" : `<guid isPermaLink="false">${escape(item.guid)}</guid>`,
    `<enclosure url="${escape(item.enclosureUrl)}" length="${item.enclosureLength ?? 0}" type="audio/mpeg"/>`,
    item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : "",
    item.description ? `<description><![CDATA[${item.description}]]></description>` : "",
    item.person ? `<podcast:person role="host">${escape(item.person)}</podcast:person>` : "",
    item.author ? `<itunes:author>${escape(item.author)}</itunes:author>` : "",
    item.season
      ? `<podcast:season${item.season.name ? ` name="${escape(item.season.name)}"` : ""}>${item.season.number}</podcast:season>`
      : "",
    item.keywords ? `<itunes:keywords>${escape(item.keywords)}</itunes:keywords>` : "",
    ...(item.transcripts ?? []).map(
      (t) => `<podcast:transcript url="${escape(t.url)}" type="${t.type}"/>`,
    ),
    "</item>",
  ]
    .filter(Boolean)
    .join("\n");
}
