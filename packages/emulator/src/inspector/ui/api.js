// The fnapi emulator inspector (plain JavaScript modules, no framework, no request outside this origin):
// the one way the page calls the emulator, and the DOM helpers.
// The control token (when the emulator has one) comes in the URL's fragment (#token=…), never in a query
// string; it is kept for this tab only (sessionStorage), taken out of the address bar, and sent as
// `Authorization: Bearer …` on every data request.

export const $ = (id) => document.getElementById(id);
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

export function setStatus(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

export async function call(method, path, body) {
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

export const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
};

export function button(label, onClick, accessibleName) {
  const b = el("button", label);
  b.type = "button";
  if (accessibleName) b.setAttribute("aria-label", accessibleName);
  b.addEventListener("click", onClick);
  return b;
}

export const act = (work) => async (event) => {
  event?.preventDefault?.();
  try {
    await work();
  } catch (error) {
    setStatus(error.message, true);
  }
};
