// The fnapi emulator inspector: wires the page's controls to the modules beside this one.
import { $, act, call, el, setStatus } from "./api.js";
import { addFault, exportHar, loadFaults, loadSnapshots } from "./controls.js";
import { follow, records, renderRequests } from "./requests.js";
import { loadState, renderState } from "./state.js";

async function start() {
  for (const id of ["filter-cloud", "filter-operation", "filter-status", "filter-auth-failed"]) {
    $(id).addEventListener("input", renderRequests);
  }
  $("request-filters").addEventListener("submit", (e) => e.preventDefault());
  $("state-filter").addEventListener("input", renderState);
  $("why-close").addEventListener("click", () => {
    $("why").hidden = true;
  });
  $("fault-form").addEventListener("submit", act(addFault));
  $("faults-clear").addEventListener(
    "click",
    act(async () => {
      await call("DELETE", "/faults");
      await loadFaults();
    }),
  );
  $("snapshot-form").addEventListener(
    "submit",
    act(async () => {
      const name = $("snapshot-name").value.trim();
      await call("POST", `/snapshots/${encodeURIComponent(name)}`);
      setStatus(`Snapshot ${name} saved`);
      await loadSnapshots();
    }),
  );
  $("export-har").addEventListener("click", act(exportHar));
  $("reset").addEventListener(
    "click",
    act(async () => {
      await call("POST", "/reset");
      records.length = 0;
      renderRequests();
      setStatus("Emulator reset");
      await Promise.all([loadState(), loadFaults()]);
    }),
  );
  try {
    const served = await call("GET", "/");
    const select = $("fault-operation");
    for (const op of served.operations) {
      const option = el("option", `${op.operationId} (${op.api})`);
      option.value = op.operationId;
      select.append(option);
    }
    await Promise.all([loadState(), loadFaults(), loadSnapshots()]);
  } catch (error) {
    setStatus(error.message, true);
    return;
  }
  follow();
}

start();
