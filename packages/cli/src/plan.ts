import type { PlannedRequest } from "./dry-run-fetch.js";
import { join, type Text, text } from "./text.js";

// A dry run's steps: the requests the clients would send, plus the steps that depend on answers a dry run
// does not get (a cascade's DELETE of each listed action). One list, printed as text or as --json, so the
// two always agree.

export interface Step {
  method: string;
  url: string;
  /** Set when the step is repeated for each item of an earlier answer: `listed action`. */
  each?: string;
  /** How many of these run at a time. */
  concurrency?: number;
}

export function stepsOf(planned: readonly PlannedRequest[]): Step[] {
  return planned.map(({ method, url }) => ({ method, url }));
}

export function stepsText(steps: readonly Step[]): Text {
  return join(
    steps.map((s) =>
      s.each
        ? text`  ${s.method} ${s.url} for each ${s.each}${s.concurrency ? text`, ${s.concurrency} at a time` : text``}`
        : text`  ${s.method} ${s.url}`,
    ),
  );
}

export function dryRunText(steps: readonly Step[], what?: Text): Text {
  return text`dry run: nothing was sent; fnapi would send${what ? text` (${what})` : text``}:\n${stepsText(steps)}`;
}
