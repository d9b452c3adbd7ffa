import type { ClientKit } from "@fnapi/runtime";
import type { paths } from "./generated/fgs.js";

/** What every FunctionGraph operation is given: the kit, and the project and region the client is for. */
export interface FgsContext {
  kit: ClientKit<paths>;
  projectId: string;
  region: string;
  /** Whether the host was given (then a URN's region is not checked against it). */
  customHost: boolean;
}
