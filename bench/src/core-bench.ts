/**
 * @module
 * Core: per fixture, `JSON.parse` alone vs the kit's pipeline without HTTP (decode, classify,
 * verify, validate, id, dispatch to one handler) vs a hand-written zod `safeParse`.
 */
import { FIXTURES, KEY, signedDelivery, verifyRules } from '@airudder-webhooks/conformance'
import { createWebhooks } from '@airudder-webhooks/core'
import { handwritten } from './handwritten'
import { alwaysNew } from './kit'
import { compare } from './measure'

export interface CoreRow {
  readonly fixture: string
  readonly type: string
  readonly bytes: number
  readonly jsonParse: number
  readonly kit: number
  readonly handwrittenZod: number | undefined
  /** How many times the cost of `JSON.parse` the kit's pipeline takes. */
  readonly kitOverJsonParse: number
}

export async function coreBench(options: { rounds: number; roundMs: number }): Promise<CoreRow[]> {
  const webhooks = createWebhooks({ key: KEY, verify: verifyRules, idempotency: alwaysNew, logger: false })
  webhooks.onAny(() => undefined)
  const rows: CoreRow[] = []
  for (const [file, type] of FIXTURES) {
    const delivery = signedDelivery(file, type)
    const bytes = new TextEncoder().encode(delivery.body)
    const url = `http://localhost${delivery.path}`
    const headers = new Headers(delivery.headers)
    const check = await webhooks.verifyAndReceive({ body: bytes, headers, url })
    if (check.status !== 200) throw new Error(`${file}: the kit answered ${check.status}`)
    const schema = handwritten[type]
    const results = await compare(
      [
        { name: 'json', run: () => JSON.parse(delivery.body) },
        { name: 'kit', run: () => webhooks.verifyAndReceive({ body: bytes, headers, url }) },
        ...(schema ? [{ name: 'zod', run: () => schema.safeParse(JSON.parse(delivery.body)) }] : []),
      ],
      options.rounds,
      options.roundMs,
    )
    const ops = (name: string) => results.find((result) => result.name === name)?.opsPerSecond
    const json = ops('json') ?? 0
    const kit = ops('kit') ?? 0
    rows.push({
      fixture: file,
      type,
      bytes: bytes.byteLength,
      jsonParse: json,
      kit,
      handwrittenZod: ops('zod'),
      kitOverJsonParse: json / kit,
    })
  }
  return rows
}
