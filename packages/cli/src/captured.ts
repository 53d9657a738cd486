/**
 * @module
 * Captured deliveries on disk. A file is either the body exactly as AIRudder sent it (any JSON,
 * sent byte for byte), or an envelope that also keeps the headers and URL:
 * `{ "body": "<the raw body text>", "headers": { "X-AIRudder-Sign": "…" }, "url": "…" }`
 * (recognised by a string `body` and no keys other than `body`, `headers`, `url`, `method`, `receivedAt`).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UsageError } from './args'

export interface Captured {
  /** The path it was read from. */
  readonly file: string
  /** The body bytes to send or verify, untouched. */
  readonly body: Uint8Array<ArrayBuffer>
  readonly text: string
  /** Lowercase header names. */
  readonly headers: Readonly<Record<string, string>>
  /** The URL it was received on, when the envelope kept it. */
  readonly url?: string | undefined
}

const ENVELOPE_KEYS = new Set(['body', 'headers', 'url', 'method', 'receivedAt'])
const encoder = new TextEncoder()
const decoder = new TextDecoder()

function envelope(
  json: unknown,
): { body: string; headers: Record<string, string>; url?: string } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined
  const record = json as Record<string, unknown>
  if (typeof record.body !== 'string' || !Object.keys(record).every((key) => ENVELOPE_KEYS.has(key))) return
  const headers: Record<string, string> = {}
  if (typeof record.headers === 'object' && record.headers !== null) {
    for (const [name, value] of Object.entries(record.headers)) {
      if (typeof value === 'string') headers[name.toLowerCase()] = value
    }
  }
  const url = typeof record.url === 'string' ? { url: record.url } : {}
  return { body: record.body, headers, ...url }
}

export async function readCaptured(
  command: string,
  path: string,
  cwd: string,
  /** What to say when the path does not exist. */
  missing?: string,
): Promise<Captured> {
  const file = resolve(cwd, path)
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new UsageError(
      command,
      code === 'ENOENT' && missing ? `"${path}" ${missing}` : `cannot read ${path}: ${code}`,
    )
  }
  const text = decoder.decode(bytes)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON: still a body (the receiver will answer 400); `verify` reports it.
    return { file, body: bytes, text, headers: {} }
  }
  const wrapped = envelope(json)
  if (wrapped === undefined) return { file, body: bytes, text, headers: {} }
  return {
    file,
    body: encoder.encode(wrapped.body),
    text: wrapped.body,
    headers: wrapped.headers,
    url: wrapped.url,
  }
}

/** One file, or every `*.json` file of a directory in name order. */
export async function readCapturedAll(command: string, path: string, cwd: string): Promise<Captured[]> {
  const target = resolve(cwd, path)
  const info = await stat(target).catch(() => undefined)
  if (info === undefined) throw new UsageError(command, `${path} does not exist`)
  if (!info.isDirectory()) return [await readCaptured(command, path, cwd)]
  const names = (await readdir(target)).filter((name) => name.endsWith('.json')).sort()
  if (names.length === 0) throw new UsageError(command, `${path} holds no .json deliveries`)
  return Promise.all(names.map((name) => readCaptured(command, join(target, name), cwd)))
}
