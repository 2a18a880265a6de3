import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "./trusted-proxies.mjs";

const preload = path.resolve("scripts/launcher/forwarded-headers.mjs");
let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill();
  server = undefined;
});

/** A plain Node HTTP server preloaded like the web app, answering with the headers it was given. */
async function echoServer(trustedProxies?: string): Promise<number> {
  const source = `
    const server = require("node:http").createServer((req, res) => res.end(JSON.stringify(req.headers)));
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  server = spawn(process.execPath, ["--import", preload, "-e", source], {
    env: { ...process.env, TRUSTED_PROXIES: trustedProxies ?? "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const child = server;
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim())));
  });
}

function headersSeen(port: number, headers: Record<string, string>) {
  return new Promise<Record<string, string>>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body)));
      })
      .on("error", reject);
  });
}

describe("the web app's forwarded-headers preload", () => {
  it("believes a proxy on this machine (the default): the address the proxy saw", async () => {
    const port = await echoServer();
    expect(
      await headersSeen(port, {
        "x-forwarded-for": "10.6.6.6, 203.0.113.7",
        "x-forwarded-proto": "https",
      }),
    ).toMatchObject({ "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" });
    // A request straight from this machine, without the header: its own address.
    expect((await headersSeen(port, {}))["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("replaces what anyone else claims with the connection's address, dropping X-Forwarded-*", async () => {
    const port = await echoServer("none");
    const seen = await headersSeen(port, {
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
    });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen).not.toHaveProperty("x-forwarded-proto");
    expect(seen).not.toHaveProperty("x-forwarded-host");
  });

  it("skips proxies listed in TRUSTED_PROXIES when walking the chain from the right", async () => {
    const port = await echoServer("loopback, 10.0.0.0/8");
    expect(
      (await headersSeen(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.1.2.3" }))[
        "x-forwarded-for"
      ],
    ).toBe("203.0.113.7");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or a range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, ::1, loopback, none")).not.toThrow();
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(
      /"proxy.internal" is not an address/,
    );
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/"10.0.0.0\/40"/);
  });
});
