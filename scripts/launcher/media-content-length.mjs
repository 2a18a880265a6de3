// Preloaded (`node --import`) into the web app by the launcher, beside forwarded-headers.mjs:
// gives the media route's answers their Content-Length back. Next.js drops Content-Length from
// every route handler's response (it cannot know whether a body was decoded on the way), so
// segments and downloads went out chunked, and a HEAD of a podcast enclosure told no size —
// which podcast apps check before downloading. The media route states the length it has from
// storage in X-Selah-Content-Length (lib/catalog/playback/content-length-relay.ts); as the
// headers go out, that becomes Content-Length, unless the answer is being compressed.
import http from "node:http";

const RELAY = "x-selah-content-length";
const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (...args) {
  const length = this.getHeader(RELAY);
  if (length !== undefined) {
    this.removeHeader(RELAY);
    if (this.getHeader("content-encoding") === undefined && /^\d+$/.test(String(length)))
      this.setHeader("content-length", String(length));
  }
  return writeHead.apply(this, args);
};
