// The fnapi emulator inspector: plain JavaScript, no framework, no request outside this origin.
// The control token (when the emulator has one) comes in the URL's fragment (#token=…), never in a query
// string; it is kept for this tab only (sessionStorage), taken out of the address bar, and sent as
// `Authorization: Bearer …` on every data request.

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "fnapi-emulator-control-token";

function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromUrl = fragment.get("token");
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, "", location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}
const token = takeToken();

function setStatus(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

async function call(method, path, body) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`/_emulator${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
    credentials: "omit",
    redirect: "error",
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = data?.error?.message ?? `HTTP ${response.status}`;
    if (response.status === 401) {
      throw new Error(
        "This emulator needs its control token: open the inspector URL with #token=<control token>.",
      );
    }
    throw new Error(message);
  }
  return data;
}

const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
};

function button(label, onClick, accessibleName) {
  const b = el("button", label);
  b.type = "button";
  if (accessibleName) b.setAttribute("aria-label", accessibleName);
  b.addEventListener("click", onClick);
  return b;
}

const act = (work) => async (event) => {
  event?.preventDefault?.();
  try {
    await work();
  } catch (error) {
    setStatus(error.message, true);
  }
};

// ---- requests, live ----
const records = [];
let after = 0;
const cloudOf = (path) => (path.startsWith("/v3/") ? "iam" : path.startsWith("/v2/") ? "fgs" : "ncf");

function visible(r) {
  const cloud = $("filter-cloud").value;
  const operation = $("filter-operation").value.trim().toLowerCase();
  const status = $("filter-status").value.trim();
  if (cloud && cloudOf(r.path) !== cloud) return false;
  if (operation && !(r.operation ?? "").toLowerCase().includes(operation)) return false;
  if (status && !String(r.status).startsWith(status.replace(/x+$/i, ""))) return false;
  if ($("filter-auth-failed").checked && r.authPassed !== false) return false;
  return true;
}

function renderRequests() {
  const body = $("requests").tBodies[0];
  const rows = records.filter(visible).slice(-500).reverse();
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = el("tr");
      if (r.authPassed === false) tr.className = "failed";
      const cells = [
        r.time.slice(11, 23),
        r.method,
        r.query ? `${r.path}?${r.query}` : r.path,
        r.operation ?? "-",
        r.status,
        r.code ?? "",
        r.requestId,
        r.durationMs ?? "",
        r.credential ?? "",
      ];
      tr.append(...cells.map((c, i) => el("td", c, i === 2 ? "path" : i === 6 ? "id" : undefined)));
      const why = el("td", undefined, "why");
      if (r.explanation) {
        why.append(el("span", r.explanation.sentence, "sentence"), " ");
        why.append(button("Details", () => showWhy(r), `Details of request ${r.seq}`));
      } else if (r.authPassed === false) {
        why.textContent = r.authReason ?? "authentication failed";
      } else if (r.fault !== undefined) {
        why.append(el("span", `fault #${r.fault}`, "muted"));
      }
      tr.append(why);
      return tr;
    }),
  );
}

/** A text with the character at (line, column) marked. */
function marked(text, difference) {
  const pre = document.createDocumentFragment();
  if (!difference) {
    pre.append(text);
    return pre;
  }
  const lines = text.split("\n");
  let index = 0;
  for (let i = 0; i < difference.line - 1; i++) index += lines[i].length + 1;
  index += difference.column - 1;
  const m = el("mark", text.slice(index, index + 1) || "⏎");
  m.title = "first difference";
  pre.append(text.slice(0, index), m, text.slice(index + 1));
  return pre;
}

function showWhy(r) {
  const e = r.explanation;
  $("why").hidden = false;
  $("why-sentence").textContent = e.sentence;
  const meta = [`${e.scheme}`, `problem: ${e.problem}`];
  if (e.accessKey) meta.push(`access key ${e.accessKey}`);
  if (e.signature) meta.push(`signature ${e.signature}`);
  if (e.skewSeconds !== undefined) meta.push(`clock skew ${e.skewSeconds} s`);
  meta.push(`request ${r.requestId}`);
  $("why-meta").textContent = meta.join(" · ");
  const text = (t) =>
    t
      ? t.canonicalRequest !== undefined
        ? `${t.canonicalRequest}\n\n--- string to sign ---\n${t.stringToSign}`
        : t.stringToSign
      : "(not computed: the request was refused before its signature was checked)";
  const difference =
    e.firstDifference && e.firstDifference.field === "canonicalRequest" ? e.firstDifference : undefined;
  const stsDifference =
    e.firstDifference && e.firstDifference.field === "stringToSign" ? e.firstDifference : undefined;
  for (const [id, t] of [
    ["why-computed", e.computed],
    ["why-implied", e.implied],
  ]) {
    const pre = $(id);
    if (t && (difference || stsDifference)) {
      pre.replaceChildren(difference ? marked(text(t), difference) : marked(t.stringToSign, stsDifference));
    } else pre.textContent = text(t);
  }
  $("why-title").focus();
}

async function follow() {
  let wait = 0; // the first page at once, then wait for news
  for (;;) {
    try {
      const page = await call("GET", `/inspector/requests?after=${after}&wait=${wait}`);
      wait = 20;
      if (page.records.length > 0) {
        records.push(...page.records);
        if (records.length > 5000) records.splice(0, records.length - 5000);
        after = page.next;
        renderRequests();
        scheduleState();
      }
      setStatus(`Connected · ${records.length} requests`);
      if (page.more) wait = 0;
    } catch (error) {
      setStatus(error.message, true);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

// ---- state ----
let stateTimer;
const scheduleState = () => {
  clearTimeout(stateTimer);
  stateTimer = setTimeout(act(loadState), 150);
};

function table(title, rows, columns) {
  const filter = $("state-filter").value.trim().toLowerCase();
  const shown = filter ? rows.filter((r) => JSON.stringify(r).toLowerCase().includes(filter)) : rows;
  const t = el("table");
  t.append(
    el("caption", `${title} (${shown.length}${shown.length !== rows.length ? ` of ${rows.length}` : ""})`),
  );
  const head = el("tr");
  for (const c of columns) {
    const th = el("th", c);
    th.scope = "col";
    head.append(th);
  }
  t.append(el("thead"));
  t.tHead.append(head);
  const body = el("tbody");
  for (const row of shown) {
    const tr = el("tr");
    for (const c of columns) tr.append(el("td", Array.isArray(row[c]) ? row[c].join(", ") : (row[c] ?? "")));
    body.append(tr);
  }
  t.append(body);
  return t;
}

let lastState;
function renderState() {
  const s = lastState;
  if (!s) return;
  $("state").replaceChildren(
    el("h3", "NAVER Cloud Functions"),
    table("Packages", s.ncf.packages, ["name", "platform", "actions"]),
    table("Actions", s.ncf.actions, ["package", "platform", "name", "runtime"]),
    el("h3", "FunctionGraph"),
    table("Functions", s.fgs.functions, ["urn", "versions", "lastModified"]),
    table("Aliases", s.fgs.aliases, ["function", "name", "version"]),
    el("h3", "IAM"),
    table("Users", s.iam.users, ["domain", "name"]),
    table("Tokens (masked)", s.iam.tokens, ["token", "expiresAt", "projectId"]),
    el("h3", "Delete history"),
    table("Deleted", s.deleted, ["time", "cloud", "operation", "target", "credential"]),
  );
}

async function loadState() {
  lastState = await call("GET", "/inspector/state");
  renderState();
}

// ---- faults ----
async function loadFaults() {
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

async function addFault() {
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
async function loadSnapshots() {
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

async function exportHar() {
  const har = await call("GET", "/inspector/har");
  const blob = new Blob([JSON.stringify(har, null, 2)], { type: "application/json" });
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = "fnapi-emulator.har";
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  setStatus(`HAR with ${har.log.entries.length} entries exported`);
}

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
