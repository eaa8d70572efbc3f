import { Transform } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createI18nInstance, getLanguage } from "./i18n.server";
import { newNonce, privateHeaders, securityHeaders } from "./security.server";
import { NonceContext } from "./nonce";

const ABORT_DELAY = 5_000;

/**
 * React 18.3.1's Node renderer can flush the unused tail of its 2 KiB buffer as NUL bytes when a
 * multi-byte (Cyrillic) character straddles the buffer's end. NUL never belongs in HTML, and 0x00
 * never occurs inside a UTF-8 sequence, so dropping those bytes is exact.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      callback(null, bytes.includes(0) ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes);
    },
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const lng = await getLanguage(request);
  const i18n = await createI18nInstance(lng);
  const nonce = newNonce();
  // Render the whole document before sending it: pages must be complete without JavaScript.
  return new Promise<Response>((resolve, reject) => {
    let didError = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          for (const [k, v] of Object.entries(securityHeaders(nonce))) responseHeaders.set(k, v);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Loader and action data (`.data` requests) is as personal as the page: never cached. */
export function handleDataRequest(response: Response) {
  for (const [k, v] of Object.entries(privateHeaders())) response.headers.set(k, v);
  return response;
}

/** Unmatched URLs (favicon probes, typos) are ordinary 404s, not server errors worth a log line. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  console.error(error);
}
