import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowedHost, parseAllowedHosts } from "./allowed-hosts";
import { FetchFailedError, FetchRefusedError } from "./fetch-errors";
import { isPublicAddress } from "./public-address";
import { assertFetchable, readBody, safeFetch } from "./safe-fetch";

/** A local server that counts the connections made to it: "refused without connecting" is 0. */
interface CountingServer {
  port: number;
  origin: string;
  connections: number;
  server: Server;
}

async function startServer(handler: RequestListener): Promise<CountingServer> {
  const server = createServer(handler);
  const counting = { port: 0, origin: "", connections: 0, server };
  server.on("connection", () => counting.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  counting.port = (server.address() as AddressInfo).port;
  counting.origin = `http://127.0.0.1:${counting.port}`;
  return counting;
}

const closeServer = (s: CountingServer) =>
  new Promise<void>((resolve) => {
    s.server.closeAllConnections();
    s.server.close(() => resolve());
  });

/** A resolver answering every name with these addresses, as DNS would. */
const resolvingTo =
  (...addresses: string[]): LookupFunction =>
  (_hostname, options, callback) => {
    const list = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if (options.all) callback(null, list as never);
    else callback(null, list[0]!.address, list[0]!.family);
  };

const MB = 1024 * 1024;

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.10",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "[::ffff:127.0.0.1]",
    "fe80::1",
    "fd00::1",
    "fc12:3456::1",
    "ff02::1",
    "2001:db8::1",
    "64:ff9b::7f00:1",
    "64:ff9b:0:0:0:0:a00:1",
    "2002:7f00:1::1",
    "::127.0.0.1",
    "localhost",
    "not an address",
  ])("%s is not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.32.0.1",
    "::ffff:8.8.8.8",
    "2606:4700:4700::1111",
    "64:ff9b::808:808",
  ])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("IMPORT_ALLOWED_HOSTS entries", () => {
  it("host allows any port, host:port that port only; compared as URLs write hosts", () => {
    const allowed = parseAllowedHosts(" Media.Example.org , 10.0.0.5:8080,[FD00::5]:9000 ,");
    expect(allowed).toEqual([
      { host: "media.example.org", port: null },
      { host: "10.0.0.5", port: 8080 },
      { host: "[fd00::5]", port: 9000 },
    ]);
    expect(isAllowedHost(new URL("https://media.example.org/a.mp3"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://media.example.org:81/a.mp3"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://10.0.0.5:8080/a.mp3"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://10.0.0.5/a.mp3"), allowed)).toBe(false);
    expect(isAllowedHost(new URL("http://[fd00::5]:9000/"), allowed)).toBe(true);
    expect(isAllowedHost(new URL("http://10.0.0.6:8080/"), allowed)).toBe(false);
  });

  it("names the entry it cannot read", () => {
    expect(() => parseAllowedHosts("ok.example.org, http://x.org/")).toThrow('"http://x.org/"');
    expect(() => parseAllowedHosts("x.org:99999")).toThrow('"x.org:99999"');
  });
});

describe("safeFetch", () => {
  let target: CountingServer;
  let files: CountingServer;
  let allowFiles: ReturnType<typeof parseAllowedHosts>;

  beforeAll(async () => {
    // Where a redirect tries to send us: it must never see a connection.
    target = await startServer((_req, res) => res.end("secret"));
    files = await startServer((req, res) => {
      const url = new URL(req.url!, "http://x");
      switch (url.pathname) {
        case "/ok.txt":
          return res.end("hello");
        case "/to-target":
          res.writeHead(302, { location: `${target.origin}/metadata` });
          return res.end();
        case "/to-metadata":
          res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" });
          return res.end();
        case "/to-ten":
          res.writeHead(307, { location: "http://10.0.0.1/feed.xml" });
          return res.end();
        case "/to-mapped":
          res.writeHead(308, { location: `http://[::ffff:127.0.0.1]:${target.port}/` });
          return res.end();
        case "/to-localhost":
          res.writeHead(302, { location: `http://localhost:${target.port}/` });
          return res.end();
        case "/to-file":
          res.writeHead(302, { location: "file:///etc/passwd" });
          return res.end();
        case "/relative":
          res.writeHead(303, { location: "/ok.txt" });
          return res.end();
        case "/loop":
          res.writeHead(302, { location: "/loop" });
          return res.end();
        case "/huge":
          // Announces 3 GB, sends a little, then keeps the connection open.
          res.writeHead(200, { "content-length": String(3 * 1024 ** 3) });
          return res.write(Buffer.alloc(1024));
        case "/endless": {
          res.writeHead(200, { "content-type": "audio/mpeg" });
          const chunk = Buffer.alloc(64 * 1024, 1);
          const pump = () => {
            while (res.write(chunk));
          };
          res.on("drain", pump);
          return pump();
        }
        case "/short":
          // Announces more than it sends, then hangs up.
          res.writeHead(200, { "content-length": "10000" });
          res.write(Buffer.alloc(100));
          return setTimeout(() => res.destroy(), 20);
        case "/stall":
          res.writeHead(200, { "content-length": "10000" });
          return res.write(Buffer.alloc(100));
        case "/silent":
          return; // never answers
        case "/missing":
          res.writeHead(404);
          return res.end();
        case "/down":
          res.writeHead(503);
          return res.end();
        default:
          res.writeHead(500);
          return res.end();
      }
    });
    allowFiles = parseAllowedHosts(`127.0.0.1:${files.port}`);
  });

  afterAll(async () => {
    await Promise.all([closeServer(target), closeServer(files)]);
  });

  const options = () => ({ maxBytes: MB, allowedHosts: allowFiles });

  it("fetches from an allowed host and follows a relative redirect", async () => {
    const response = await safeFetch(`${files.origin}/relative`, options());
    expect(response.url.pathname).toBe("/ok.txt");
    expect((await readBody(response)).toString()).toBe("hello");
  });

  it("fetches only http(s)", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/a.mp3", "data:text/plain,hi"])
      await expect(safeFetch(url, options())).rejects.toThrow(/only http\(s\)/);
    await expect(safeFetch("not a url", options())).rejects.toThrow("not a valid web address");
    await expect(safeFetch(`${files.origin}/to-file`, options())).rejects.toThrow(
      /redirected to file:/,
    );
  });

  it("refuses private, loopback and link-local addresses in the URL without connecting", async () => {
    const before = target.connections;
    for (const url of [
      `http://127.0.0.1:${target.port}/`,
      `http://[::ffff:127.0.0.1]:${target.port}/`,
      `http://[::1]:${target.port}/`,
      `http://2130706433:${target.port}/`, // 127.0.0.1 written as a number
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/feed.xml",
      "http://[fe80::1]/",
    ]) {
      await expect(safeFetch(url, { maxBytes: MB }), url).rejects.toBeInstanceOf(FetchRefusedError);
    }
    await expect(safeFetch("http://10.0.0.1/", { maxBytes: MB })).rejects.toThrow(
      "10.0.0.1 is not a public address",
    );
    expect(target.connections).toBe(before);
  });

  it("allows a listed host:port only on that port", async () => {
    await expect(safeFetch(`http://127.0.0.1:${target.port}/`, options())).rejects.toBeInstanceOf(
      FetchRefusedError,
    );
    const any = await safeFetch(`http://127.0.0.1:${target.port}/`, {
      maxBytes: MB,
      allowedHosts: parseAllowedHosts("127.0.0.1"),
    });
    expect((await readBody(any)).toString()).toBe("secret");
  });

  it("checks the address a name resolves to, and connects to that very address (DNS pinning)", async () => {
    const before = target.connections;
    // localhost really resolves to loopback here.
    await expect(safeFetch(`http://localhost:${target.port}/`, { maxBytes: MB })).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which is not a public address/,
    );
    // A public-looking name whose DNS answer is private, or mixes private with public.
    for (const answer of [
      ["10.1.2.3"],
      ["169.254.169.254"],
      ["93.184.216.34", "127.0.0.1"],
      ["::ffff:127.0.0.1"],
    ]) {
      await expect(
        safeFetch(`http://feeds.example.org:${target.port}/`, {
          maxBytes: MB,
          resolve: resolvingTo(...answer),
        }),
      ).rejects.toThrow(
        /feeds\.example\.org resolves to [0-9a-f.:]+, which is not a public address/,
      );
    }
    expect(target.connections).toBe(before);
    // The connection goes where the checked answer says, not where the system's DNS would:
    // pinned.test exists only in this resolver's answer.
    const pinned = await safeFetch(`http://pinned.test:${target.port}/`, {
      maxBytes: MB,
      allowedHosts: parseAllowedHosts(`pinned.test:${target.port}`),
      resolve: resolvingTo("127.0.0.1"),
    });
    expect((await readBody(pinned)).toString()).toBe("secret");
    expect(target.connections).toBe(before + 1);
  });

  it("assertFetchable refuses up front what the fetch would refuse, without connecting", async () => {
    const before = target.connections;
    await expect(assertFetchable("http://192.168.1.20/feed.xml", {})).rejects.toThrow(
      /192\.168\.1\.20 is not a public address/,
    );
    await expect(assertFetchable(`http://localhost:${target.port}/`, {})).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which is not a public address/,
    );
    await expect(
      assertFetchable("http://feeds.example.org/feed.xml", { resolve: resolvingTo("10.1.2.3") }),
    ).rejects.toThrow(/feeds\.example\.org resolves to 10\.1\.2\.3/);
    await expect(assertFetchable("ftp://example.org/feed.xml", {})).rejects.toThrow(
      /only http\(s\)/,
    );
    await expect(
      assertFetchable("http://feeds.example.org/feed.xml", {
        resolve: resolvingTo("93.184.216.34"),
      }),
    ).resolves.toBeUndefined();
    await expect(
      assertFetchable(`${files.origin}/ok.txt`, { allowedHosts: allowFiles }),
    ).resolves.toBeUndefined();
    expect(target.connections).toBe(before);
  });

  it("re-checks every redirect, refusing a private hop without connecting", async () => {
    const before = target.connections;
    await expect(safeFetch(`${files.origin}/to-target`, options())).rejects.toThrow(
      "127.0.0.1 is not a public address",
    );
    await expect(safeFetch(`${files.origin}/to-metadata`, options())).rejects.toThrow(
      "169.254.169.254 is not a public address",
    );
    await expect(safeFetch(`${files.origin}/to-ten`, options())).rejects.toThrow(
      "10.0.0.1 is not a public address",
    );
    await expect(safeFetch(`${files.origin}/to-mapped`, options())).rejects.toThrow(
      /not a public address/,
    );
    await expect(safeFetch(`${files.origin}/to-localhost`, options())).rejects.toThrow(
      /localhost resolves to/,
    );
    expect(target.connections).toBe(before);
    await expect(safeFetch(`${files.origin}/loop`, options())).rejects.toThrow(
      "redirected more than 5 times",
    );
  });

  it("refuses a declared size over the limit before downloading, and cuts an undeclared one", async () => {
    await expect(
      safeFetch(`${files.origin}/huge`, { ...options(), maxBytesSetting: "IMPORT_MAX_BYTES" }),
    ).rejects.toThrow(/is 3\.2 GB, over the 1\.0 MB limit \(IMPORT_MAX_BYTES\)/);

    const response = await safeFetch(`${files.origin}/endless`, options());
    let received = 0;
    await expect(
      (async () => {
        for await (const chunk of response.body) received += (chunk as Buffer).length;
      })(),
    ).rejects.toThrow(/larger than the 1\.0 MB limit/);
    expect(received).toBeLessThanOrEqual(MB);
  });

  it("reports refusing answers, outages, timeouts and cut-off bodies", async () => {
    await expect(safeFetch(`${files.origin}/missing`, options())).rejects.toThrow(
      /answered HTTP 404 \(Not Found\)/,
    );
    await expect(safeFetch(`${files.origin}/down`, options())).rejects.toBeInstanceOf(
      FetchFailedError,
    );
    await expect(
      safeFetch(`${files.origin}/silent`, { ...options(), headersTimeoutMs: 200 }),
    ).rejects.toThrow("did not answer within 0.2 s");
    await expect(
      readBody(await safeFetch(`${files.origin}/stall`, { ...options(), idleTimeoutMs: 200 })),
    ).rejects.toThrow("stopped sending for 0.2 s");
    await expect(
      readBody(await safeFetch(`${files.origin}/short`, options())),
    ).rejects.toBeInstanceOf(FetchFailedError);
  });
});
