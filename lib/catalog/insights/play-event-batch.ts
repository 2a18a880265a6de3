import { z } from "zod";

/** One beacon carries at most this many reports (the player sends a handful at a time). */
export const MAX_EVENTS_PER_BEACON = 50;

/** Longer than any sermon: a position past it is nonsense, not a long service. */
const MAX_POSITION_MS = 24 * 60 * 60 * 1000;

const position = z.number().int().min(0).max(MAX_POSITION_MS);

/** One report as the player sends it; positions are clamped to the sermon's length later. */
export const playEventSchema = z
  .object({
    sermonId: z.string().min(1).max(64),
    kind: z.enum(["play", "progress", "complete", "seek"]),
    positionMs: position,
    /** Where the stretch reported began (progress, complete) or where a seek left from. */
    fromMs: position.optional(),
  })
  .refine(
    (event) =>
      event.kind === "play" ||
      event.kind === "seek" ||
      event.fromMs === undefined ||
      event.fromMs <= event.positionMs,
    { message: "a stretch listened to ends after it begins", path: ["fromMs"] },
  );

export type PlayEventReport = z.output<typeof playEventSchema>;

/** The beacon's shape; each event is checked on its own, so one bad report drops only itself. */
export const playEventBatchSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BEACON),
});
