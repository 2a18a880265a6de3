const DATE = "__date";

/**
 * Next's data cache stores JSON, which turns a Date into a string. Listener data is encoded
 * with its Dates marked, and decoded back to Dates, so a cached read returns what an
 * uncached one does.
 */
export const cacheCodec = {
  encode(value: unknown): string {
    return JSON.stringify(value, function (this: Record<string, unknown>, key, json: unknown) {
      // `json` is what toJSON made of it; the holder still has the Date itself.
      const raw = this[key];
      return raw instanceof Date ? { [DATE]: raw.toISOString() } : json;
    });
  },
  decode<T>(text: string): T {
    return JSON.parse(text, (_key, value: unknown) =>
      value !== null &&
      typeof value === "object" &&
      DATE in value &&
      Object.keys(value).length === 1
        ? new Date((value as Record<typeof DATE, string>)[DATE])
        : value,
    ) as T;
  },
};
