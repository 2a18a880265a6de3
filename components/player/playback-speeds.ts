export const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next listed speed up (`1`) or down (`-1`) from `current`, stopping at the ends. */
export function stepSpeed(current: number, direction: 1 | -1): number {
  if (direction === 1) return SPEEDS.find((speed) => speed > current + 1e-9) ?? SPEEDS.at(-1)!;
  return [...SPEEDS].reverse().find((speed) => speed < current - 1e-9) ?? SPEEDS[0];
}
