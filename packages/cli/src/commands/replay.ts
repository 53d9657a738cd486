/**
 * @module
 * `airudder-webhooks replay <dir|file> --url <url>`: plays captured deliveries the way AIRudder
 * does: each one is posted once, and a delivery that is not answered 2xx in time is retried every
 * `--interval` up to `--retries` times, then dropped. `--speed N` divides every wait by N, so
 * `--interval 60s --speed 600` retries after 100 ms. Retries of one delivery do not hold back the next.
 */
import {
  EXIT,
  parseCommand,
  parseDuration,
  parseHeaders,
  parseNumber,
  parseUrl,
  requireOption,
  UsageError,
} from '../args'
import { readCapturedAll } from '../captured'
import { type Io, type Printer, printer, statusStyle } from '../io'
import { displayUrl, type Outcome, post, shortBody } from '../post'
import { fromCaptured, type Prepared, parseScheme, SCHEMES } from '../signing'
import { type Command, showHelp } from './command'

const help = `Usage: airudder-webhooks replay <dir|file.json> --url <url> [options]

Plays captured deliveries (a file, or every *.json file of a directory, in name order) the way
AIRudder does: a delivery not answered 2xx within --timeout is retried every --interval, up to
--retries times, then dropped. Prints every attempt and what the receiver answered.

Options:
  --url <url>         the receiver (required)
  --retries <n>       retries after the first attempt (default 5, as AIRudder)
  --interval <dur>    time between attempts (default 60s, as AIRudder)
  --speed <n>         divide every wait by n: --interval 60s --speed 600 waits 100 ms (default 1)
  --timeout <dur>     how long one attempt waits for the answer (default 10s, AIRudder's limit)
  --key <key>         re-sign every delivery with this key (default: send them as captured)
  --scheme <scheme>   re-sign with this scheme: ${SCHEMES.join(' | ')}
  --header <N=V>      an extra request header (repeatable)
  -h, --help          this help

Exit codes: 0 every delivery answered 2xx, 1 some were dropped, 2 usage error.

Example:
  airudder-webhooks replay captured/ --url http://localhost:3000/webhooks/airudder --retries 2 --speed 600`

interface Attempt {
  readonly number: number
  readonly at: number
  readonly outcome: Outcome
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function answerText(outcome: Outcome): string {
  return outcome.status === undefined ? outcome.error : `${outcome.status} ${shortBody(outcome.body)}`
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('replay', {
    args: [...args],
    options: {
      url: { type: 'string' },
      retries: { type: 'string', default: '5' },
      interval: { type: 'string', default: '60s' },
      speed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '10s' },
      key: { type: 'string' },
      scheme: { type: 'string' },
      header: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  if (positionals.length !== 1) throw new UsageError('replay', 'expected one directory or file.json')
  const url = parseUrl('replay', requireOption('replay', 'url', values.url))
  const retries = parseNumber('replay', 'retries', values.retries, { integer: true })
  const speed = parseNumber('replay', 'speed', values.speed)
  const wait = parseDuration('replay', 'interval', values.interval) / speed
  const timeout = parseDuration('replay', 'timeout', values.timeout)
  const signing = {
    key: values.key,
    scheme: parseScheme('replay', values.scheme),
    headers: parseHeaders('replay', values.header),
  }
  const captured = await readCapturedAll('replay', positionals[0] ?? '', io.cwd)
  const deliveries = captured.map((each) => ({
    name: relative(each.file, io.cwd),
    ...fromCaptured(each, url, signing),
  }))

  const out = printer(io.stdout, io.env)
  const started = performance.now()
  const clock = () => Math.round(performance.now() - started)
  out.line(
    `replaying ${deliveries.length} deliver${deliveries.length === 1 ? 'y' : 'ies'} ` +
      `to ${displayUrl(url.href)}: ` +
      `${retries} retr${retries === 1 ? 'y' : 'ies'}, every ${values.interval}` +
      (speed === 1 ? '' : ` / ${speed} = ${Math.round(wait)} ms`),
  )
  const attemptOnce = async (delivery: Prepared & { name: string }, number: number): Promise<Attempt> => {
    const at = clock()
    const outcome = await post(delivery, timeout)
    const style = outcome.status === undefined ? 'red' : statusStyle(outcome.status)
    out.line(
      `+${at}ms  ${delivery.name}  attempt ${number}/${retries + 1}  ` +
        `${out.paint(style, answerText(outcome))}  ${outcome.ms} ms`,
    )
    return { number, at, outcome }
  }
  const play = async (delivery: Prepared & { name: string }, first: Attempt) => {
    const attempts = [first]
    while (!attempts.at(-1)?.outcome.ok && attempts.length <= retries) {
      await sleep(wait)
      attempts.push(await attemptOnce(delivery, attempts.length + 1))
    }
    return { delivery, attempts }
  }
  const plays: Promise<Awaited<ReturnType<typeof play>>>[] = []
  for (const delivery of deliveries) plays.push(play(delivery, await attemptOnce(delivery, 1)))
  const results = await Promise.all(plays)

  out.line()
  let dropped = 0
  for (const { delivery, attempts } of results) report(out, delivery, attempts, () => dropped++)
  const delivered = results.length - dropped
  out.line(`${delivered} delivered, ${dropped} dropped`)
  return dropped === 0 ? EXIT.ok : EXIT.failed
}

function report(
  out: Printer,
  delivery: Prepared & { name: string },
  attempts: readonly Attempt[],
  drop: () => void,
) {
  const delivered = attempts.at(-1)?.outcome.ok === true
  if (!delivered) drop()
  const answers = attempts.map((attempt) => answerText(attempt.outcome).split(' ')[0]).join(', ')
  const verdict = delivered ? out.paint('green', 'delivered') : out.paint('red', 'dropped')
  const count = `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`
  out.line(`${delivery.name}  ${delivery.type}  ${verdict} after ${count} (${answers})`)
}

function relative(file: string, cwd: string): string {
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file
}

export const replay: Command = {
  name: 'replay',
  summary: "play captured deliveries with AIRudder's retry schedule",
  help,
  run,
}
