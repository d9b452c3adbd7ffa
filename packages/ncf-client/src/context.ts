import type { ClientKit } from "@fnapi/runtime";
import type { paths } from "./generated/ncf.js";

/** What every NCF operation is given: the client kit for the NCF spec's paths. */
export interface NcfContext {
  kit: ClientKit<paths>;
}
