/**
 * A benchmark's numeric setting from the environment (`fallback` when unset): positive, or
 * also zero; anything else stops the run with the variable's name and what it expects.
 */
export function numberSetting(
  name: string,
  fallback: number,
  range: "positive" | "zero or more",
): number {
  const value = Number(process.env[name] ?? fallback);
  const isInRange = range === "positive" ? value > 0 : value >= 0;
  if (!Number.isFinite(value) || !isInRange)
    throw new Error(`${name}: expected a number ${range === "positive" ? "> 0" : "≥ 0"}`);
  return value;
}
