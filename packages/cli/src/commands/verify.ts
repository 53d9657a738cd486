/**
 * @module
 * `airudder-webhooks verify <file.json> --key K`: what the receiver would make of a captured
 * delivery, without a receiver: its type, idempotency id, which check passed (for the
 * `X-AIRudder-Sign` header, which of the supported constructions), and its schema issues.
 */
import {
  classify,
  decode,
  headerSign,
  md5Sign,
  urlToken,
  type Verification,
  type VerifyInput,
  validate,
} from '@airudder-webhooks/core'
import {
  HEADER_SIGN_ALGORITHMS,
  type HeaderSignAlgorithm,
  isJsonObject,
  type Signing,
} from '@airudder-webhooks/core/schemas'
import { EXIT, parseCommand, parseHeaders, UsageError } from '../args'
import { readCaptured } from '../captured'
import type { Io, Printer } from '../io'
import { printer } from '../io'
import { type Command, showHelp } from './command'
import { jsonPath } from './json-path'

const help = `Usage: airudder-webhooks verify <file.json> [options]

Classifies, verifies and validates one captured delivery (the raw body, or
{ "body", "headers", "url" }) and prints its type, its idempotency id, which check passed and
any schema issues with their JSON paths.

Options:
  --key <key>          KEY for the md5 Sign, or the X-AIRudder-Sign key (repeatable: rotation;
                       default "airudder", AIRudder's default KEY)
  --header <N=V>       a header the delivery came with, e.g. --header X-AIRudder-Sign=3f2a… (repeatable)
  --algorithm <name>   check X-AIRudder-Sign with this construction only (default: try all of
                       ${HEADER_SIGN_ALGORITHMS.join(', ')})
  --token <token>      the URL token, for the pushes AIRudder does not sign
  --url <url>          the URL it was received on (for --token; default: the envelope's url)
  -h, --help           this help

Exit codes: 0 verified (or AIRudder does not sign this type) and valid, 1 not verified, not
recognised or not valid, 2 usage error.

Example:
  airudder-webhooks verify captured/call.json --key my-key`

type Check = { readonly ok: boolean; readonly text: string }

/** The check the type's `signing` calls for (a body `Sign` or an `X-AIRudder-Sign` header is checked whatever the type). */
function checkSignature(
  type: string,
  signing: Signing | undefined,
  input: VerifyInput,
  options: CheckOptions,
): Check {
  if (type === 'unknown') return { ok: false, text: 'none: the shape is not recognised' }
  const signature = input.headers.get('x-airudder-sign')
  if (isJsonObject(input.json) && typeof input.json.Sign === 'string' && signature === null) {
    const result = md5Sign({ keys: options.keys }).verify(input)
    return result.ok
      ? {
          ok: true,
          text: `md5Sign passed: body Sign = md5(TaskID + KEY) with key ${keyNumber(result.keyIndex)}`,
        }
      : { ok: false, text: `md5Sign failed: ${result.reason}` }
  }
  if (signature !== null) {
    for (const algorithm of options.algorithms) {
      const result = headerSign({ algorithm, keys: options.keys }).verify(input)
      if (result.ok) {
        const key = keyNumber(result.keyIndex)
        return { ok: true, text: `headerSign passed: X-AIRudder-Sign is ${algorithm} with key ${key}` }
      }
    }
    const tried =
      options.algorithms.length === 1
        ? options.algorithms[0]
        : `any of ${options.algorithms.length} constructions`
    return {
      ok: false,
      text: `headerSign failed: X-AIRudder-Sign does not match ${tried} under the given key(s)`,
    }
  }
  if (signing === 'header-sign') {
    return { ok: false, text: 'missing X-AIRudder-Sign: pass it with --header X-AIRudder-Sign=…' }
  }
  if (signing === 'md5-sign') return { ok: false, text: 'missing Sign: AIRudder signs this type in the body' }
  if (options.token !== undefined) {
    const result = urlToken({ tokens: options.token }).verify(input)
    return result.ok
      ? { ok: true, text: 'urlToken passed' }
      : { ok: false, text: `urlToken failed: ${result.reason}` }
  }
  return { ok: true, text: `none: AIRudder does not sign ${type} (configure urlToken or ipAllowlist)` }
}

const NOT_CHECKED: Verification = { status: 'skipped', reason: 'not-checked' }

const keyNumber = (index: number | undefined) => `#${(index ?? 0) + 1}`

interface CheckOptions {
  readonly keys: readonly string[]
  readonly algorithms: readonly HeaderSignAlgorithm[]
  readonly token?: string | undefined
}

function parseAlgorithm(text: string | undefined): readonly HeaderSignAlgorithm[] {
  if (text === undefined) return HEADER_SIGN_ALGORITHMS
  if ((HEADER_SIGN_ALGORITHMS as readonly string[]).includes(text)) return [text as HeaderSignAlgorithm]
  throw new UsageError(
    'verify',
    `--algorithm must be one of ${HEADER_SIGN_ALGORITHMS.join(', ')} (got "${text}")`,
  )
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('verify', {
    args: [...args],
    options: {
      key: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true },
      algorithm: { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  if (positionals.length !== 1) throw new UsageError('verify', 'expected one file.json')
  const options: CheckOptions = {
    keys: values.key?.length ? values.key : ['airudder'],
    algorithms: parseAlgorithm(values.algorithm),
    token: values.token,
  }
  const extraHeaders = parseHeaders('verify', values.header)
  const captured = await readCaptured('verify', positionals[0] ?? '', io.cwd)
  const headers = new Headers({ ...captured.headers, ...extraHeaders })
  const out = printer(io.stdout, io.env)
  const url = values.url ?? captured.url ?? 'http://localhost/'
  const decoded = decode({ body: captured.body, headers, url })
  if (!decoded.ok) {
    row(out, 'type', out.paint('red', `not JSON: ${decoded.message}`))
    return EXIT.failed
  }
  const classification = classify(decoded)
  const check = checkSignature(classification.type, classification.definition?.signing, decoded, options)
  // The check above reports every construction it tried; the event is built as `parse()` would.
  const result = validate({ ...classification, verification: NOT_CHECKED })

  row(out, 'type', classification.type + (classification.reason ? ` (${classification.reason})` : ''))
  row(out, 'id', result.ok ? result.event.id : result.invalid.id)
  row(out, 'check', out.paint(check.ok ? 'green' : 'red', check.text))
  const issues = classification.definition?.schema.safeParse(decoded.json).error?.issues ?? []
  if (issues.length === 0)
    row(out, 'schema', classification.definition ? out.paint('green', 'valid') : 'not checked')
  else {
    row(out, 'schema', out.paint('red', `${issues.length} issue${issues.length === 1 ? '' : 's'}`))
    for (const issue of issues) out.line(`  ${jsonPath(issue.path)}: ${issue.message}`)
  }
  const recognised = classification.type !== 'unknown'
  return check.ok && issues.length === 0 && recognised ? EXIT.ok : EXIT.failed
}

function row(out: Printer, label: string, text: string) {
  out.line(`${out.paint('bold', label.padEnd(7))} ${text}`)
}

export const verify: Command = {
  name: 'verify',
  summary: 'classify, verify and validate a captured delivery',
  help,
  run,
}
