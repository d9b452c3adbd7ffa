// Loaded into every Node child process a test starts (`NODE_OPTIONS=--import …/preload.mjs`).
import { installNetworkGuard } from "./guard.mjs";

installNetworkGuard();
