// Faults, snapshots and the HAR export.
import { $, act, button, call, el, setStatus } from "./api.js";
import { loadState } from "./state.js";

export async function loadFaults() {
  const faults = await call("GET", "/faults");
  $("faults").replaceChildren(
    ...faults.map((f) => {
      const li = el("li");
      const parts = [`#${f.id}`, f.operation ?? "every operation"];
      if (f.status !== undefined) parts.push(`status ${f.status}`);
      if (f.probability !== undefined) parts.push(`probability ${f.probability}`);
      else parts.push(`${f.times ?? 1} left`);
      if (f.delayMs) parts.push(`${f.delayMs} ms latency`);
      if (f.retryAfter !== undefined) parts.push(`Retry-After ${f.retryAfter}`);
      li.append(parts.join(" · "));
      li.append(
        button(
          "Remove",
          act(async () => {
            await call("DELETE", `/faults/${f.id}`);
            await loadFaults();
          }),
          `Remove fault ${f.id}`,
        ),
      );
      return li;
    }),
  );
  if (faults.length === 0) $("faults").append(el("li", "No fault rules.", "muted"));
}

export async function addFault() {
  const spec = {};
  const number = (id) => ($(id).value === "" ? undefined : Number($(id).value));
  if ($("fault-operation").value) spec.operation = $("fault-operation").value;
  const fields = {
    status: "fault-status",
    probability: "fault-probability",
    delayMs: "fault-delay",
    retryAfter: "fault-retry-after",
  };
  for (const [key, id] of Object.entries(fields)) if (number(id) !== undefined) spec[key] = number(id);
  if (spec.probability === undefined && number("fault-times") !== undefined)
    spec.times = number("fault-times");
  const added = await call("POST", "/faults", spec);
  setStatus(`Fault #${added.id} added`);
  await loadFaults();
}

// ---- snapshots ----
export async function loadSnapshots() {
  const names = await call("GET", "/snapshots");
  $("snapshots").replaceChildren(
    ...names.map((name) => {
      const li = el("li");
      li.append(el("span", name));
      li.append(
        button(
          "Restore",
          act(async () => {
            await call("POST", `/snapshots/${encodeURIComponent(name)}/restore`);
            setStatus(`Snapshot ${name} restored`);
            await loadState();
          }),
          `Restore snapshot ${name}`,
        ),
      );
      li.append(
        button(
          "Delete",
          act(async () => {
            await call("DELETE", `/snapshots/${encodeURIComponent(name)}`);
            await loadSnapshots();
          }),
          `Delete snapshot ${name}`,
        ),
      );
      return li;
    }),
  );
  if (names.length === 0) $("snapshots").append(el("li", "No snapshots.", "muted"));
}

export async function exportHar() {
  const har = await call("GET", "/inspector/har");
  const blob = new Blob([JSON.stringify(har, null, 2)], { type: "application/json" });
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = "fnapi-emulator.har";
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  setStatus(`HAR with ${har.log.entries.length} entries exported`);
}
