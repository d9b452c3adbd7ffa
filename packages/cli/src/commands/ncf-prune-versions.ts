import type { NcfVersionPrunePlan } from "@fnapi/ncf-client/prune";
import { join, safe, type Text } from "../text.js";

// The plan of `fnapi ncf prune --keep-versions N`, as text: names come from the server, every line is escaped.

export function ncfVersionPlanText(plan: NcfVersionPrunePlan): Text {
  const head = `plan: delete ${plan.targets.length} action versions, keeping the newest ${plan.criteria.keepVersions} of each action (${plan.listed} packages listed)`;
  const rows = plan.targets.map((t) => `  ${t.package}  ${t.action}  ${t.version}`);
  return join([head, ...rows].map((l) => safe(l)));
}
