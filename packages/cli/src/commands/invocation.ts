import type { Invocation } from "../command.js";

// The handler type commands/emulator.ts is written against (the other commands define themselves with
// defineCommand, command.ts).
export type { Invocation };
export type CommandHandler = (invocation: Invocation) => Promise<void>;
