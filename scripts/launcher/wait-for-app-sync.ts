/**
 * Resolves once the engine at `engineUrl` has synced every app it serves (ENGINE_APP_URLS: the
 * web app's /api/inngest) since it started, so an event sent from now on starts its runs. The
 * engine tries an app that has not synced yet every quarter second, so this follows the web app
 * closely. Fails after `timeoutMs`; the engine's own output says why its syncs failed.
 */
export async function waitForAppSync(engineUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isSynced(engineUrl)) return;
    if (Date.now() > deadline)
      throw new Error(
        `The engine has not synced the web app's functions within ${timeoutMs / 1000} s, so no event would start a run; its output above says why.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function isSynced(engineUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${engineUrl}/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await response.json()) as { appsSynced?: unknown };
    return response.ok && body.appsSynced === true;
  } catch {
    // Restarting, or not answering yet: ask again.
    return false;
  }
}
