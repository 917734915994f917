import { existsSync } from "node:fs";
import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./log.js";

const SHUTDOWN_LIMIT_MS = 10_000;

if (existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  for (const problem of err.problems) console.error(`newsalert: ${problem}`);
  process.exit(1);
}

const log = createLogger(config.logLevel, config.botToken);
const app = await startApp(config, log).catch((err) => {
  log.fatal({ err }, "could not start");
  process.exit(1);
});

// The app stopped itself (a refused token, lost leadership): exit non-zero so a supervisor notices.
void app.halted.then((code) => process.exit(code));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info({ signal }, "shutting down");
    setTimeout(() => {
      log.error("shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
