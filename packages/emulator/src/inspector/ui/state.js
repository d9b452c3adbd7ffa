// The state view: each cloud's resources (secrets left out by the emulator), filterable, and the delete history.
import { $, act, call, el } from "./api.js";

let stateTimer;
export const scheduleState = () => {
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
export function renderState() {
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

export async function loadState() {
  lastState = await call("GET", "/inspector/state");
  renderState();
}
