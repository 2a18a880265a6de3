import { readBody, safeFetch } from "@/lib/platform/net/safe-fetch";
import type { ImportEnv } from "@/lib/platform/config/import-env";
import { fetchSettings } from "./import-deps";
import { MAX_FEED_BYTES, type ParsedFeed, parsePodcastFeed } from "./parse-podcast-feed";

const FEED_TYPES =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/**
 * Fetches a feed (safely: public addresses only, at most MAX_FEED_BYTES) and parses it. Throws
 * FetchRefusedError / FetchFailedError for the fetch and FeedRejectedError for the content.
 */
export async function readFeed(
  url: string,
  env: ImportEnv,
  maxBytes = MAX_FEED_BYTES,
): Promise<ParsedFeed> {
  const response = await safeFetch(url, { ...fetchSettings(env), maxBytes, accept: FEED_TYPES });
  return parsePodcastFeed(decodeXml(await readBody(response), response.contentType));
}

/**
 * XML text in the encoding it declares: the Content-Type's charset, else the XML declaration's
 * encoding, else UTF-8 (XML's default). An encoding the decoder does not know reads as UTF-8.
 */
export function decodeXml(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}
