/**
 * @module
 * `airudder-webhooks simulate`: AIRudder on your machine. It makes tasks with calls, serves the
 * pull API (`POST /service/cloud/workflow/taskdetail`) and, with `--push-url`, pushes every call
 * to your receiver under AIRudder's delivery contract (10 s answer window, five retries one minute
 * apart, then dropped), `--time-scale` times faster. It serves until Ctrl-C, or exits after the
 * pushes with `--exit`.
 */
import { createSimulator } from '@airudder-webhooks/client/simulator'
import { EXIT, parseCommand, parseNumber, parseUrl } from '../args'
import { type Io, printer } from '../io'
import { displayUrl } from '../post'
import { type Command, showHelp } from './command'

const help = `Usage: airudder-webhooks simulate [options]

Stands in for AIRudder: makes --tasks tasks of --calls calls each, serves the pull API on
loopback, and with --push-url pushes every call the way AIRudder does (md5 Sign with --key,
10 s answer window, 5 retries 1 minute apart, then dropped). Serves until Ctrl-C.

Options:
  --push-url <url>      your receiver; without it nothing is pushed
  --tasks <n>           how many tasks (default 3), named task-1, task-2, …
  --calls <n>           calls per task (default 10)
  --key <key>           the KEY for the body Sign (default AIRudder's "airudder")
  --token <token>       the API token the pull API accepts (default "simulator-token")
  --time-scale <n>      run the push contract n times faster (default 1; 600: a minute lasts 100 ms)
  --port <n>            the pull API's port (default a free one)
  --exit                exit once every push is delivered or dropped
  -h, --help            this help

Exit codes: 0 every push delivered (or none asked), 1 some were dropped, 2 usage error.

Example:
  airudder-webhooks simulate --push-url http://localhost:3000/webhooks/airudder --time-scale 600`

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommand('simulate', {
    args: [...args],
    options: {
      'push-url': { type: 'string' },
      tasks: { type: 'string', default: '3' },
      calls: { type: 'string', default: '10' },
      key: { type: 'string' },
      token: { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      port: { type: 'string', default: '0' },
      exit: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  const pushUrl = values['push-url'] === undefined ? undefined : parseUrl('simulate', values['push-url'])
  const tasks = parseNumber('simulate', 'tasks', values.tasks, { integer: true })
  const calls = parseNumber('simulate', 'calls', values.calls, { integer: true })
  const timeScale = parseNumber('simulate', 'time-scale', values['time-scale'])
  const port = parseNumber('simulate', 'port', values.port, { integer: true })
  const out = printer(io.stdout, io.env)

  const airudder = createSimulator({ key: values.key, token: values.token, timeScale })
  for (let n = 0; n < tasks; n++) airudder.addTask({ calls })
  const apiUrl = await airudder.listen(port)
  out.line(`pull API ${apiUrl}/service/cloud/workflow/taskdetail (Authorization: Token ${airudder.token})`)
  out.line(`tasks ${airudder.tasks.map((task) => task.TaskID).join(', ')}; ${calls} call(s) each`)
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })

  let code: number = EXIT.ok
  if (pushUrl !== undefined) {
    const { retryIntervalMs, answerWindowMs } = airudder.contract
    out.line(
      `pushing ${tasks * calls} call(s) to ${displayUrl(pushUrl.href)}: answer window ${answerWindowMs} ms, ` +
        `5 retries ${retryIntervalMs} ms apart`,
    )
    const deliveries = await airudder.push(pushUrl.href)
    const dropped = deliveries.filter((delivery) => delivery.outcome === 'dropped')
    const retried = deliveries.filter((delivery) => delivery.attempts.length > 1).length
    out.line(
      `delivered ${deliveries.length - dropped.length}, dropped ${dropped.length} (retried ${retried})`,
    )
    for (const delivery of dropped.slice(0, 10)) {
      out.line(`  dropped ${delivery.taskId} ${delivery.callId}: ${delivery.attempts.join(', ')}`)
    }
    if (dropped.length > 0) code = EXIT.failed
  }
  if (!values.exit) {
    out.line('serving the pull API; Ctrl-C to stop')
    await stopped
  }
  await airudder.close()
  return code
}

export const simulate: Command = {
  name: 'simulate',
  summary: 'stand in for AIRudder: serve the pull API, push calls with retries',
  help,
  run,
}
