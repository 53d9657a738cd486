/**
 * @module
 * `airudder-webhooks detect-signature --body <file> --signature <value> --key K`: AIRudder does
 * not publish how `X-AIRudder-Sign` is computed; given one real delivery, names the supported
 * construction(s) that reproduce it and the exact `headerSign` option to configure.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { HEADER_SIGN_ALGORITHMS } from '@airudder-webhooks/core/schemas'
import { EXIT, parseCommand, requireOption, UsageError } from '../args'
import { detectSignature } from '../detect'
import { type Io, printer } from '../io'
import { type Command, showHelp } from './command'

const help = `Usage: airudder-webhooks detect-signature --body <file> --signature <value> --key <key>

AIRudder does not publish how the X-AIRudder-Sign header is computed. Given one real delivery,
tries every supported construction (${HEADER_SIGN_ALGORITHMS.length}: HMAC-SHA256/SHA1/MD5 in hex and
base64, and MD5/SHA-256 over body+key and key+body) and prints the one(s) that match, with the headerSign
option to configure.

Options:
  --body <file>        the request body exactly as received (the raw bytes, not reformatted)
  --signature <value>  the X-AIRudder-Sign header value that came with it
  --key <key>          the key agreed with AIRudder
  -h, --help           this help

Exit codes: 0 a construction matches, 1 none does, 2 usage error.

Example:
  airudder-webhooks detect-signature --body captured/body.json --signature 9c1f… --key my-key`

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('detect-signature', {
    args: [...args],
    options: {
      body: { type: 'string' },
      signature: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return showHelp(io, help)
  if (positionals.length > 0)
    throw new UsageError('detect-signature', `unexpected argument "${positionals[0]}"`)
  const path = requireOption('detect-signature', 'body', values.body)
  const signature = requireOption('detect-signature', 'signature', values.signature)
  const key = requireOption('detect-signature', 'key', values.key)
  let body: Uint8Array
  try {
    body = new Uint8Array(await readFile(resolve(io.cwd, path)))
  } catch (error) {
    throw new UsageError('detect-signature', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`)
  }

  const out = printer(io.stdout, io.env)
  const matches = detectSignature({ body, signature, key })
  if (matches.length === 0) {
    out.line(
      out.paint('red', `no supported construction matches (tried ${HEADER_SIGN_ALGORITHMS.join(', ')})`),
    )
    out.line('Check that the body file holds the exact bytes received (not pretty-printed or re-encoded)')
    out.line('and that the key is the one configured in AIRudder. If AIRudder uses another construction,')
    out.line('pass your own: headerSign({ algorithm: (body, key) => signature, keys })')
    return EXIT.failed
  }
  for (const { algorithm, trimmed } of matches) {
    out.line(`${out.paint('green', 'match')}: ${algorithm}`)
    if (trimmed) out.line('  (only without the trailing newline of the body file: your capture added it)')
  }
  const [first] = matches
  out.line()
  out.line('Configure:')
  out.line(
    `  headerSign({ header: 'X-AIRudder-Sign', algorithm: '${first?.algorithm}', ` +
      'keys: process.env.AIRUDDER_HEADER_KEY! })',
  )
  out.line(`  or, with optionsFromEnv: AIRUDDER_HEADER_ALGORITHM=${first?.algorithm}`)
  return EXIT.ok
}

export const detectSignatureCommand: Command = {
  name: 'detect-signature',
  summary: 'find which construction produced a captured X-AIRudder-Sign',
  help,
  run,
}
