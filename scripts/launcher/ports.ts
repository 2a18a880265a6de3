import net from "node:net";

export class PortInUseError extends Error {
  constructor(port: number, service: string, variable: string) {
    super(
      `Port ${port} for the ${service} is already in use. Stop whatever holds it, or set ${variable} to another port (0 picks any free one).`,
    );
    this.name = "PortInUseError";
  }
}

/**
 * Resolves 0 to a free port and checks that a fixed one is free on `host` (the interface the
 * service will bind: loopback for every embedded service, HOST for the web app), naming the
 * service if not. On Linux a loopback bind also fails when something holds the port on every
 * interface.
 */
export async function claimPort(
  port: number,
  service: string,
  variable: string,
  host = "127.0.0.1",
): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port, service, variable) : error),
    );
    server.listen(port, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`nothing is listening on port ${port} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
