/**
 * The `?t=` of a shared link in seconds: "90", "90s", "1:30", "1:02:05" or "1m30s". Anything
 * else, or a time past the end, starts from the beginning.
 */
export function parseStartTime(value: string | undefined, durationMs: number | null): number {
  if (!value) return 0;
  const seconds = parseSeconds(value.trim());
  if (seconds === undefined || seconds < 0) return 0;
  if (durationMs !== null && seconds * 1000 >= durationMs) return 0;
  return seconds;
}

function parseSeconds(value: string): number | undefined {
  if (/^\d+(\.\d+)?s?$/.test(value)) return Number.parseFloat(value);
  if (/^\d+(:[0-5]\d){1,2}$/.test(value)) {
    return value.split(":").reduce((total, part) => total * 60 + Number(part), 0);
  }
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (units && value !== "") {
    const [, h = "0", m = "0", s = "0"] = units;
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  return undefined;
}
