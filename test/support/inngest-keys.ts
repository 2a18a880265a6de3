/**
 * Keys for tests that run engine/ and the app the way `npm start` does: the engine signs its
 * calls and accepts events only with the event key; the SDK serves in cloud (signed) mode.
 * Test-only values, never used outside tests.
 */
export const testInngestKeys = {
  signingKey: `signkey-test-${"a11ce5".repeat(10)}0b`,
  eventKey: "selah-test-event-key",
} as const;

/** The app's environment for signed mode against the engine at `engineUrl`. */
export function signedAppEnv(engineUrl: string): Record<string, string | undefined> {
  return {
    INNGEST_DEV: undefined,
    INNGEST_BASE_URL: engineUrl,
    INNGEST_SIGNING_KEY: testInngestKeys.signingKey,
    INNGEST_EVENT_KEY: testInngestKeys.eventKey,
  };
}
