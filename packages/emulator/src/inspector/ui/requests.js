// The requests, live (long polling), their filters, and "why it failed" with the first difference marked.
import { $, button, call, el, setStatus } from "./api.js";
import { scheduleState } from "./state.js";

export const records = [];
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

export function renderRequests() {
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

export async function follow() {
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
