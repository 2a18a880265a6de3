// What the web app's forwarded-headers preload (forwarded-headers.mjs) does, as functions: the
// launcher validates TRUSTED_PROXIES with parseTrustedProxies before starting anything.
import net from "node:net";

/** Parses TRUSTED_PROXIES into a BlockList; throws with a message naming the bad entry. */
export function parseTrustedProxies(value = "loopback") {
  const list = new net.BlockList();
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry === "none") continue;
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = net.isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      rest.length > 0 ||
      (bits !== undefined && (!/^\d+$/.test(prefix ?? "") || bits > maxBits))
    )
      throw new Error(
        `"${entry}" is not an address, a CIDR range (10.0.0.0/8), "loopback" or "none"`,
      );
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

const plain = (address) =>
  address?.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;

function isTrusted(list, address) {
  const ip = plain(address);
  const family = net.isIP(ip ?? "");
  return family !== 0 && list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

/** Rewrites one request's forwarded headers in place (exported for tests). */
export function normaliseForwardedHeaders(request, trusted) {
  const peer = plain(request.socket?.remoteAddress);
  const headers = request.headers;
  if (!peer) return;
  if (!isTrusted(trusted, peer)) {
    headers["x-forwarded-for"] = peer;
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
    return;
  }
  const raw = headers["x-forwarded-for"];
  const hops = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!net.isIP(hop)) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  headers["x-forwarded-for"] = client;
}
