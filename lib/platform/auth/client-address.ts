import { isIP } from "node:net";

/**
 * The address a request came from, as far as Selah can trust it: the last entry of
 * X-Forwarded-For. The web app's launcher makes that header trustworthy before Next.js reads
 * it (scripts/launcher/forwarded-headers.mjs): from a connection that is not a trusted proxy
 * (TRUSTED_PROXIES, loopback by default) it is replaced by the connection's own address; from
 * a trusted proxy it keeps what the proxy appended, so the last entry is the address the proxy
 * saw. Null when there is none (calls from code, not from a request).
 */
export function clientAddressOf(headers: Headers | undefined | null): string | null {
  const forwarded = headers?.get("x-forwarded-for");
  if (!forwarded) return null;
  const last = forwarded.split(",").at(-1)?.trim() ?? "";
  const address = last.startsWith("::ffff:") && isIP(last.slice(7)) === 4 ? last.slice(7) : last;
  return isIP(address) ? address.toLowerCase() : null;
}
