import net from "node:net";

export const LOOPBACK = "127.0.0.1";

/**
 * Runs `start` while redirecting its server's listen on every interface to loopback.
 *
 * fauxqs 2.4.1 hard-codes `app.listen({ port, host: "0.0.0.0" })` in `startFauxqs` and offers
 * no option to choose the interface (its `host` option only names queue URLs), and its
 * persistence classes are not exported, so it cannot be rebuilt around `buildApp` either.
 * Fastify hands those options straight to `net.Server#listen`, so for the duration of `start`
 * the first listen on `{ host: "0.0.0.0" | "::", port }` with the given port is given
 * 127.0.0.1 instead; nothing else is touched, and the original `listen` is back as soon as
 * that call is made (or `start` settles). The caller must still check the resulting address:
 * if a future fauxqs listens differently, the check fails loudly instead of exposing it.
 */
export async function listenOnLoopback<T>(port: number, start: () => Promise<T>): Promise<T> {
  const original = net.Server.prototype.listen;
  const restore = () => {
    if (net.Server.prototype.listen === redirected) net.Server.prototype.listen = original;
  };
  function redirected(this: net.Server, ...args: unknown[]): net.Server {
    const [options] = args;
    if (isEveryInterface(options, port)) {
      restore();
      return original.apply(this, [{ ...options, host: LOOPBACK }, ...args.slice(1)] as Parameters<
        typeof original
      >);
    }
    return original.apply(this, args as Parameters<typeof original>);
  }
  net.Server.prototype.listen = redirected as typeof original;
  try {
    return await start();
  } finally {
    restore();
  }
}

function isEveryInterface(options: unknown, port: number): options is net.ListenOptions {
  if (typeof options !== "object" || options === null) return false;
  const { host, port: requested } = options as net.ListenOptions;
  return (host === "0.0.0.0" || host === "::") && Number(requested ?? 0) === port;
}
