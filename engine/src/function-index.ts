import type { FunctionConfig, Trigger } from "./function-config";
import type { Store } from "./store";
import type { FunctionRecord, InngestEvent } from "./types";
import { matches } from "./expressions";

interface FunctionRow {
  id: string;
  app_name: string;
  name: string;
  version: number;
  config: string;
}

/** `app/*` and `app/user.*`: a `*` is allowed only right after `/` or `.`. */
export function triggerNameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (!pattern.endsWith("*")) return false;
  const prefix = pattern.slice(0, -1);
  return (prefix.endsWith("/") || prefix.endsWith(".")) && name.startsWith(prefix);
}

/** In-memory view of the synced functions, rebuilt from SQLite after every sync. */
export class FunctionIndex {
  private byId = new Map<string, FunctionRecord>();

  constructor(private readonly store: Store) {
    this.reload();
  }

  reload(): void {
    const rows = this.store.all<FunctionRow>("SELECT * FROM functions");
    this.byId = new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          appName: row.app_name,
          name: row.name,
          version: row.version,
          config: JSON.parse(row.config) as FunctionConfig,
        },
      ]),
    );
  }

  get(id: string): FunctionRecord | undefined {
    return this.byId.get(id);
  }

  all(): FunctionRecord[] {
    return [...this.byId.values()];
  }

  /** Functions an event triggers; several matching triggers still count once. */
  matching(event: InngestEvent): FunctionRecord[] {
    const result: FunctionRecord[] = [];
    for (const fn of this.byId.values()) {
      if (fn.config.triggers.some((trigger) => eventTriggerMatches(trigger, event)))
        result.push(fn);
    }
    return result;
  }
}

function eventTriggerMatches(trigger: Trigger, event: InngestEvent): boolean {
  if (!("event" in trigger) || !triggerNameMatches(trigger.event, event.name)) return false;
  return matches(trigger.expression, { event });
}
