// Preloaded (`node --import`) into every process the launcher starts. The services run
// detached from the terminal so the launcher can stop them in order; if the launcher itself
// dies (SIGKILL, the OOM killer), each notices it was orphaned and stops itself the clean way
// (SIGTERM to itself: the service's own shutdown), instead of holding its port for ever.
import process from "node:process";
import { clearInterval, setInterval, setTimeout } from "node:timers";

const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => process.kill(process.pid, "SIGKILL"), 30_000).unref();
}, 1000);
watch.unref();
