/**
 * @module
 * One HTTP delivery: POST the exact bytes, time it, read the answer. A connection failure or a
 * timeout is an outcome too (AIRudder treats both as a failed delivery), never a thrown error.
 */

export interface Outgoing {
  readonly url: string
  readonly body: Uint8Array<ArrayBuffer> | string
  readonly headers: Readonly<Record<string, string>>
}

export type Outcome =
  | {
      readonly ok: boolean
      readonly status: number
      readonly statusText: string
      readonly body: string
      readonly ms: number
    }
  | { readonly ok: false; readonly status?: undefined; readonly error: string; readonly ms: number }

export async function post(delivery: Outgoing, timeoutMs: number): Promise<Outcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const body = await response.text()
    return { ok: response.ok, status: response.status, statusText: response.statusText, body, ms: elapsed() }
  } catch (error) {
    return { ok: false, error: describe(error, timeoutMs), ms: elapsed() }
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: { code?: string; message?: string } }
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`
  return failure.cause?.code ?? failure.cause?.message ?? failure.message
}

/** The URL for printing: query values that look like secrets (`token`, `key`, `sign`) masked. */
export function displayUrl(url: string): string {
  const parsed = new URL(url)
  for (const name of [...parsed.searchParams.keys()]) {
    if (/token|key|sign|secret/i.test(name)) parsed.searchParams.set(name, '***')
  }
  return decodeURI(parsed.href)
}

/** A short one-line rendering of an answer body. */
export function shortBody(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
