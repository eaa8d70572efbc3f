/**
 * The load generator, in its own process (forked by bench/http.ts) so that sending requests never
 * competes with the server for the same event loop. It receives a plan over IPC, runs autocannon for
 * each phase against the loopback URL, and sends back what each phase measured.
 *
 * Requests are handed out from the phase's list in order, across all connections: a list of signed
 * webhooks is sent once each, in order (the first pass of replies before the second).
 */
import autocannon from "autocannon";

export type LoadRequest = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type LoadPhase = { label: string; url: string; connections: number; requests: LoadRequest[]; seconds?: number; amount?: number };
export type PhaseResult = { label: string; ok: number; non2xx: number; errors: number; seconds: number; perSecond: number; p50: number; p99: number };

function runPhase(phase: LoadPhase): Promise<PhaseResult> {
  let next = 0;
  // autocannon notices that a fixed amount is done only on its one-second tick, so its `duration`
  // can overstate a 5-second phase by up to a fifth; an amount phase is timed to its last answer.
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: phase.url,
        connections: phase.connections,
        ...(phase.amount ? { amount: phase.amount } : { duration: phase.seconds ?? 10 }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const r = phase.requests[next++ % phase.requests.length];
              return { ...request, method: r.method, path: r.path, headers: { ...r.headers }, body: r.body };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const ok = result["2xx"];
        const seconds = phase.amount ? (lastAnswer - started) / 1000 : result.duration;
        resolve({
          label: phase.label,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          seconds,
          perSecond: ok / seconds,
          p50: result.latency.p50,
          p99: result.latency.p99,
        });
      },
    );
    instance.on("response", () => (lastAnswer = performance.now()));
  });
}

process.on("message", async (phases: LoadPhase[]) => {
  try {
    const results: PhaseResult[] = [];
    for (const phase of phases) results.push(await runPhase(phase));
    process.send!({ results }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
