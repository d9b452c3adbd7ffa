import { spawn } from "node:child_process";

// `--open`: the inspector in the system's browser, where one exists. The control token travels in the
// URL's fragment, which a browser never sends to a server; the printed URL leaves it out (a terminal is
// no place for a secret), and says where it goes.

/** The inspector's URL; with a token, the fragment that hands it to the page. */
export function inspectorUrl(baseUrl: string, controlToken?: string): string {
  const url = `${baseUrl}/_emulator/ui`;
  return controlToken === undefined ? url : `${url}#token=${encodeURIComponent(controlToken)}`;
}

/** The line printed at start (stderr: stdout's first line stays the base URL alone). */
export function inspectorLine(baseUrl: string, controlToken?: string): string {
  const hint = controlToken === undefined ? "" : "#token=<control token>";
  return `inspector: ${inspectorUrl(baseUrl)}${hint}`;
}

/** Opens `url` with the platform's opener; resolves to false when there is none (no browser, no desktop). */
export function openInBrowser(url: string, platform = process.platform): Promise<boolean> {
  const [command, args] =
    platform === "darwin"
      ? ["open", [url]]
      : platform === "win32"
        ? ["explorer.exe", [url]]
        : ["xdg-open", [url]];
  return new Promise((done) => {
    try {
      const child = spawn(command as string, args as string[], { stdio: "ignore", detached: true });
      child.once("error", () => done(false));
      child.once("spawn", () => {
        child.unref();
        done(true);
      });
    } catch {
      done(false);
    }
  });
}
