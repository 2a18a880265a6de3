import { loadEngineConfig } from "./src/env";
import { EngineConfigError } from "./src/errors";
import { startEngine } from "./src/engine";

async function main(): Promise<void> {
  let engine;
  let signed = false;
  try {
    const config = loadEngineConfig(process.env);
    signed = config.signingKey !== undefined;
    engine = await startEngine(config);
  } catch (error) {
    if (error instanceof EngineConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(`engine listening on ${engine.url}${signed ? " (signed mode)" : ""}\n`);
  const shutdown = () => {
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

void main();
