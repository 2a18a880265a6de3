import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/platform/db/client";
import type { PlayEventKind } from "@/lib/platform/db/generated/prisma/enums";

/** One raw report as stored: already checked, clamped and hashed. */
export interface PlayEventRow {
  churchId: string;
  sermonId: string;
  day: Date;
  listenerHash: string;
  kind: PlayEventKind;
  fromMs: number | null;
  positionMs: number;
  createdAt: Date;
}

/**
 * Stores reports with one statement whatever their number: one array a column, unnested. The
 * beacon route is the busiest writer there is, and `createMany` costs the web process several
 * times what the database spends on the rows (Prisma builds and binds nine parameters a row);
 * nine arrays are bound once. Ids are made here, as Prisma's default would make them. A report
 * for a sermon deleted since it was looked up (the lookup is remembered up to a minute) is left
 * out rather than failing the statement, which may carry other beacons' reports too
 * (play-event-writer.ts). Answers how many rows went in.
 */
export async function insertPlayEvents(db: Db, rows: readonly PlayEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const column = <T>(pick: (row: PlayEventRow) => T) => rows.map(pick);
  return db.$executeRaw`
    INSERT INTO "PlayEvent"
      ("id", "churchId", "sermonId", "day", "listenerHash", "kind", "fromMs", "positionMs", "createdAt")
    SELECT r.* FROM unnest(
      ${column(() => randomUUID())}::text[],
      ${column((row) => row.churchId)}::text[],
      ${column((row) => row.sermonId)}::text[],
      ${column((row) => row.day.toISOString().slice(0, 10))}::date[],
      ${column((row) => row.listenerHash)}::text[],
      ${column((row) => row.kind)}::"PlayEventKind"[],
      ${column((row) => row.fromMs)}::int[],
      ${column((row) => row.positionMs)}::int[],
      ${column((row) => row.createdAt.toISOString())}::timestamp(3)[]
    ) AS r("id", "churchId", "sermonId", "day", "listenerHash", "kind", "fromMs", "positionMs", "createdAt")
    WHERE EXISTS (SELECT 1 FROM "Sermon" s WHERE s.id = r."sermonId")`;
}
