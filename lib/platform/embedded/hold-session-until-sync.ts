import type { PGlite } from "@electric-sql/pglite";

// Frontend message types of the extended query protocol, and the two that end an exchange.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48].map(Number)); // P B D E C H
const SYNC = 0x53; // S
const QUERY = 0x51; // Q

/**
 * pglite-socket multiplexes every client connection onto PGlite's single session, and its
 * queue stays with one client only while `isInTransaction()`. An extended-protocol exchange
 * (Parse, Bind, Execute… up to Sync) is not a transaction, so another client's Parse could
 * replace the unnamed statement between this client's Parse and Bind ("bind message supplies
 * 3 parameters, but prepared statement "" requires 2") or hand it the wrong rows. Reporting an
 * open exchange as a transaction keeps the queue on that client until its Sync.
 */
export function holdSessionUntilSync(db: PGlite): PGlite {
  let isMidExchange = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => isMidExchange || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message: Uint8Array, ...rest: unknown[]) => {
          const type = message[0] ?? 0;
          if (type === SYNC || type === QUERY) isMidExchange = false;
          else if (EXTENDED.has(type)) isMidExchange = true;
          return (target.execProtocolRawStream as (...args: unknown[]) => unknown)(
            message,
            ...rest,
          );
        };
      }
      // Direct calls come from the server itself: the ROLLBACK after a client vanished
      // mid-exchange, which must release the session for the others.
      if (property === "exec" || property === "query") isMidExchange = false;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
