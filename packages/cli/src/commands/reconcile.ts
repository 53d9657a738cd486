/**
 * @module
 * `airudder-webhooks reconcile --task <id>… --url <receiver>`: pulls each task's call details from
 * AIRudder's API, prints the discrepancy with the receiver's inbox (`--inbox`), and posts the
 * calls that never arrived to the receiver as signed deliveries, which store them under the push's
 * own idempotency id. Without `--inbox` every pulled call is posted: the receiver answers calls it
 * already has as duplicates and runs nothing twice.
 */
import { createAirudderClient, recoveredBody, recoverTask } from '@airudder-webhooks/client'
import { EXIT, parseCommand, parseDuration, parseUrl, UsageError } from '../args'
import { openInbox } from '../inbox'
import { type Io, printer } from '../io'
import { displayUrl, post } from '../post'
import { type Command, showHelp } from './command'

const help = `Usage: airudder-webhooks reconcile --task <id>… --url <receiver> [options]

Pulls each task's calls from AIRudder's task-detail API, prints what the receiver is missing,
and posts the missing calls to it as signed deliveries (each stored under the push's own id, so
nothing runs twice).

Options:
  --task <id>          an AIRudder task id (repeatable)
  --url <url>          the receiver (required unless --dry-run)
  --inbox <where>      the receiver's inbox, for the discrepancy: sqlite:<file> or postgres://…
  --table <name>       the inbox table (default airudder_inbox)
  --token <token>      the API token (default: the AIRUDDER_API_TOKEN environment variable)
  --api-url <url>      the API (default https://api.airudder.com)
  --key <key>          the KEY for the body Sign (default AIRudder's "airudder")
  --timeout <dur>      per request (default 10s)
  --dry-run            print the discrepancy, post nothing
  -h, --help           this help

Exit codes: 0 nothing missing or all posted, 1 a pull or a post failed, 2 usage error.

Example:
  AIRUDDER_API_TOKEN=… airudder-webhooks reconcile --task 1def98dc… --inbox sqlite:inbox.db --url http://localhost:3000/airudder`

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommand('reconcile', {
    args: [...args],
    options: {
      task: { type: 'string', multiple: true },
      url: { type: 'string' },
      inbox: { type: 'string' },
      table: { type: 'string' },
      token: { type: 'string' },
      'api-url': { type: 'string' },
      key: { type: 'string', default: 'airudder' },
      timeout: { type: 'string', default: '10s' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  const tasks = values.task ?? []
  if (tasks.length === 0) throw new UsageError('reconcile', 'name at least one --task')
  const dryRun = values['dry-run'] === true
  if (!dryRun && values.url === undefined)
    throw new UsageError('reconcile', '--url is required (or --dry-run)')
  const url = values.url === undefined ? undefined : parseUrl('reconcile', values.url)
  const token = values.token ?? io.env.AIRUDDER_API_TOKEN
  if (!token) throw new UsageError('reconcile', 'give the API token with --token or AIRUDDER_API_TOKEN')
  const timeoutMs = parseDuration('reconcile', 'timeout', values.timeout)
  const out = printer(io.stdout, io.env)
  const err = printer(io.stderr, io.env)
  const client = createAirudderClient({ token, baseUrl: values['api-url'], timeoutMs })
  const opened =
    values.inbox === undefined ? undefined : await openInbox('reconcile', values.inbox, values.table)

  let code: number = EXIT.ok
  try {
    for (const taskId of tasks) {
      let detail: Awaited<ReturnType<typeof client.taskDetail>>
      try {
        detail = await client.taskDetail(taskId)
      } catch (error) {
        err.line((error as Error).message)
        code = EXIT.failed
        continue
      }
      const status = String(detail.task.Status)
      let missing = detail.calls
      if (opened) {
        const report = await recoverTask(opened.inbox, detail, { dryRun: true })
        out.line(
          `${taskId}  ${status}  pulled ${report.pulled}  pushed ${report.pushed}  recovered ${report.recovered}  ` +
            `missing ${report.missing}  handled ${report.handled}`,
        )
        const ids = new Set(report.recoveredCallIds)
        missing = detail.calls.filter((call) => ids.has(call.CallID))
      } else {
        out.line(`${taskId}  ${status}  pulled ${detail.calls.length}  (no --inbox: every call is posted)`)
      }
      if (dryRun || url === undefined || missing.length === 0) continue
      let accepted = 0
      for (const call of missing) {
        const body = recoveredBody(detail.task, call, values.key)
        const headers = { 'content-type': 'application/json', 'user-agent': 'airudder-webhooks reconcile' }
        const outcome = await post({ url: url.href, body, headers }, timeoutMs)
        if (outcome.ok) accepted++
        else {
          const why = outcome.status === undefined ? outcome.error : `${outcome.status} ${outcome.body}`
          err.line(`could not post ${taskId} ${call.CallID}: ${why}`)
          code = EXIT.failed
        }
      }
      out.line(`  posted ${missing.length} call(s) to ${displayUrl(url.href)}: ${accepted} accepted`)
    }
  } finally {
    await opened?.close()
  }
  return code
}

export const reconcile: Command = {
  name: 'reconcile',
  summary: "pull tasks' calls from AIRudder's API and post what the receiver missed",
  help,
  run,
}
