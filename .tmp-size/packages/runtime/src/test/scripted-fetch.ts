// A `fetch` for tests that answers from a script instead of the network and records every call, in the
// manner of openapi-fetch's own tests (a mocked fetch observed from outside): no server, no port.

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  init: RequestInit;
}

/** One answer: a Response, or a function making one (it may throw to play a failed fetch, or hang). */
export type Answer =
  | Response
  | ((call: RecordedCall, signal: AbortSignal | undefined) => Response | Promise<Response>);

export interface ScriptedFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
}

/**
 * Answers the n-th call with `answers[n]`; the last answer repeats. A Response is handed out as a copy (so
 * it can repeat); to observe a body being read or cancelled, answer with a function that returns it.
 */
export function scriptedFetch(...answers: Answer[]): ScriptedFetch {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const call: RecordedCall = {
      url: request ? request.url : String(input),
      method: init.method ?? request?.method ?? "GET",
      headers: new Headers(init.headers ?? request?.headers),
      init,
    };
    calls.push(call);
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (answer === undefined) throw new Error("scriptedFetch: no answer scripted");
    if (typeof answer === "function") return answer(call, init.signal ?? request?.signal ?? undefined);
    return answer.clone();
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

/** A fetch that never answers: it rejects only when its signal aborts, as a real one does. */
export function hangingAnswer(_call: RecordedCall, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A body whose reads and cancellation are recorded; it never ends unless `text` is given. */
export function observedBody(text?: string) {
  const seen = { pulls: 0, cancelled: false };
  const bytes = text === undefined ? undefined : new TextEncoder().encode(text);
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls++;
        if (!bytes) return controller.enqueue(chunk);
        if (seen.pulls === 1) controller.enqueue(bytes);
        else controller.close();
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

export const json = (status: number, body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    status,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
  });
