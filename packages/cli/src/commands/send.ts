/**
 * @module
 * `airudder-webhooks send <type|file.json> --url <url>`: posts one signed delivery and prints the
 * receiver's status, the latency and the answer body.
 */
import { SAMPLE_TYPES } from '@airudder-webhooks/core/testing'
import { EXIT, parseCommand, parseDuration, parseHeaders, parseUrl, requireOption, UsageError } from '../args'
import { readCaptured } from '../captured'
import { type Io, printer, statusStyle } from '../io'
import { displayUrl, post } from '../post'
import { fromCaptured, parseScheme, SCHEMES, type Signing, signed } from '../signing'
import { type Command, showHelp } from './command'
import { buildSample, isSampleName } from './samples'

const help = `Usage: airudder-webhooks send <type|file.json> --url <url> [options]

Posts one delivery, signed as AIRudder signs it, and prints the status, latency and answer body.

  <type>        a built-in event type: the test kit's sample of it (from AIRudder's examples),
                signed with --key (default: AIRudder's default KEY "airudder").
                Types: ${SAMPLE_TYPES.join(', ')}, chatbot.<event>
  <file.json>   a captured delivery (the raw body, or { "body", "headers", "url" }); sent as
                captured, or re-signed when --key or --scheme is given

Options:
  --url <url>        the receiver (required)
  --key <key>        the KEY, header key or URL token for the scheme
  --scheme <scheme>  ${SCHEMES.join(' | ')}
                     (default auto: md5 Sign for call completions and QA reports,
                     hmac-sha256-hex X-AIRudder-Sign for chatbot pushes, ?token= for the rest)
  --header <N=V>     an extra request header (repeatable)
  --timeout <dur>    how long to wait for the answer (default 10s, AIRudder's limit)
  -h, --help         this help

Exit codes: 0 answered 2xx, 1 answered otherwise, 2 usage error, 3 receiver unreachable.

Example:
  airudder-webhooks send workflow.call.completed --url http://localhost:3000/webhooks/airudder --key my-key`

const unknownType = `is neither a file nor a built-in type (${SAMPLE_TYPES.join(', ')}, chatbot.<event>)`

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('send', {
    args: [...args],
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      scheme: { type: 'string' },
      header: { type: 'string', multiple: true },
      timeout: { type: 'string', default: '10s' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  if (positionals.length !== 1) throw new UsageError('send', 'expected one event type or file.json')
  const [what = ''] = positionals
  const url = parseUrl('send', requireOption('send', 'url', values.url))
  const timeout = parseDuration('send', 'timeout', values.timeout)
  const signing: Signing = {
    key: values.key,
    scheme: parseScheme('send', values.scheme),
    headers: parseHeaders('send', values.header),
  }
  const prepared = isSampleName(what)
    ? signed(JSON.stringify(buildSample(what)), url, signing)
    : fromCaptured(await readCaptured('send', what, io.cwd, unknownType), url, signing)

  const out = printer(io.stdout, io.env)
  out.line(
    `${out.paint('bold', 'POST')} ${displayUrl(prepared.url)}  ${prepared.type}, signed ${prepared.signed}`,
  )
  const outcome = await post(prepared, timeout)
  if (outcome.status === undefined) {
    printer(io.stderr, io.env).line(`could not deliver: ${outcome.error} (after ${outcome.ms} ms)`)
    return EXIT.unreachable
  }
  const status = `${outcome.status} ${outcome.statusText}`.trim()
  out.line(`${out.paint(statusStyle(outcome.status), status)}  ${outcome.ms} ms`)
  out.line(outcome.body)
  return outcome.ok ? EXIT.ok : EXIT.failed
}

export const send: Command = { name: 'send', summary: 'post one signed delivery to a receiver', help, run }
