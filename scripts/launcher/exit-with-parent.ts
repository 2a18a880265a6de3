/**
 * Embedded services run detached from the terminal so the launcher can stop them in order;
 * if the launcher itself dies (SIGKILL), they notice they were orphaned and stop too.
 */
export function exitWithParent(stop: () => Promise<void>): void {
  const parent = process.ppid;
  let isStopping = false;
  const shutdown = () => {
    if (isStopping) return;
    isStopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  setInterval(() => {
    if (process.ppid !== parent) shutdown();
  }, 1000).unref();
}
