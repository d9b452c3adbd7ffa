export type { FgsSection, IamSection, NcpSection } from "./apis/index.js";
export type {
  FirstDifference,
  Problem as SignatureProblem,
  SignatureExplanation,
  SignedText,
} from "./explanation.js";
export type { Fault, FaultSpec } from "./faults.js";
export type { RequestRecord } from "./request-log.js";
export {
  type EmulatorState,
  type FgsFunction,
  type HuaweiCredential,
  type HuaweiProject,
  type HuaweiToken,
  type HuaweiUser,
  type NcfAction,
  type NcfPackage,
  type NcpCredential,
  type Platform,
  parseSeed,
  parseSeedText,
  type Seed,
  SeedError,
} from "./seed.js";
export { type Emulator, type EmulatorOptions, startEmulator } from "./server.js";
export { StateLockedError } from "./state-file.js";
export { SnapshotError, StateWriteError } from "./state-store.js";
