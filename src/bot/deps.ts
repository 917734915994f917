import type { Config } from "../config.js";
import type { AlertRouter } from "../delivery/router.js";
import type { SendScheduler } from "../delivery/scheduler.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";
import type { BackgroundTasks } from "./background.js";

/** What the command handlers work with. */
export interface BotDeps {
  config: Config;
  store: Store;
  router: AlertRouter;
  log: Logger;
  /** Feed checks running beside the update loop; shutdown waits for them. */
  tasks: BackgroundTasks;
  /** Most queries one chat may follow. */
  maxSubscriptions?: number;
  /** Paces every reply with the alerts (one scheduler per process); a fresh one when absent. */
  scheduler?: SendScheduler;
}
