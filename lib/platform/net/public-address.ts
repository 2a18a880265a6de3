import { BlockList, isIPv4, isIPv6 } from "node:net";

// Addresses a server-side fetch must never reach on a URL's say-so: this machine, the local
// network, cloud metadata (169.254.169.254) and every other special-purpose range (IANA's
// IPv4 and IPv6 special-purpose registries). Node's BlockList matches an IPv4-mapped IPv6
// address (::ffff:127.0.0.1) against the IPv4 rules itself.
const NOT_PUBLIC = new BlockList();
const V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const V6: [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo, ORCHID, …)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: tunnels to any IPv4 address
  ["3fff::", 20], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];
for (const [network, prefix] of V4) NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of V6) NOT_PUBLIC.addSubnet(network, prefix, "ipv6");

/** The well-known NAT64 prefix: the last 32 bits are the IPv4 address it reaches. */
const NAT64 = /^64:ff9b::(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,4})$/;

/**
 * Whether `address` (an IP literal) is an ordinary public address a fetch may connect to.
 * Anything that is not an IP address at all is not public either.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIPv4(bare)) return !NOT_PUBLIC.check(bare, "ipv4");
  if (!isIPv6(bare)) return false;
  // The URL parser writes IPv6 in its one canonical (compressed, lower-case) form.
  const nat64 = NAT64.exec(new URL(`http://[${bare}]/`).hostname.slice(1, -1));
  if (nat64) return isPublicAddress(embeddedIpv4(nat64[1] ?? "0", nat64[2]!));
  return !NOT_PUBLIC.check(bare, "ipv6");
}

function embeddedIpv4(high: string, low: string): string {
  const h = parseInt(high, 16);
  const l = parseInt(low, 16);
  return [h >> 8, h & 0xff, l >> 8, l & 0xff].join(".");
}
