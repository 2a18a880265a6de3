// Preloaded (`node --import`) into the web app by the launcher: makes X-Forwarded-For (and
// -Proto, -Host, -Port) trustworthy before Next.js reads them. Next.js fills X-Forwarded-For
// with the connection's address only when a request has none, so anyone reaching the port
// directly could name any address, dodging the sign-in limiter's per-address limits.
//
// - From a trusted proxy (TRUSTED_PROXIES; by default `loopback`: a reverse proxy on the same
//   machine), the proxy's headers stand; X-Forwarded-For becomes the address the proxy saw:
//   walking its entries from the right, the first one that is not itself a trusted proxy.
// - From anyone else, X-Forwarded-For is the connection's own address and the other
//   X-Forwarded-* headers are dropped (Next.js then sets them from the connection: http).
//
// TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, `loopback` (127.0.0.0/8, ::1), or
// `none`. Set it to the reverse proxy's address when that runs on another machine.
import http from "node:http";
import process from "node:process";
import { normaliseForwardedHeaders, parseTrustedProxies } from "./trusted-proxies.mjs";

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES || undefined);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") normaliseForwardedHeaders(args[0], trusted);
  return emit.call(this, event, ...args);
};
