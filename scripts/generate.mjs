/**
 * @module
 * Writes what is generated from the event definitions: the JSON Schema of every event type
 * (`packages/core/schemas/<type>.json`, from the zod schemas) and the README's event table (between
 * `<!-- events:start … -->` and `<!-- events:end -->`). Reads the BUILT packages, so run
 * `pnpm -r --filter "./packages/**" run build` first.
 *
 *   node scripts/generate.mjs           rewrite the files
 *   node scripts/generate.mjs --check   change nothing; exit 1 naming every stale file
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const schemaDir = join(root, 'packages/core/schemas')
const readme = join(root, 'README.md')
const check = process.argv.includes('--check')

const cli = join(root, 'packages/cli/dist/index.js')
if (!existsSync(cli)) {
  console.error(
    'scripts/generate.mjs: packages/cli/dist is missing; ' +
      'run `pnpm -r --filter "./packages/**" run build` first',
  )
  process.exit(1)
}
const { eventJsonSchemas, schemaDefinitions } = await import(cli)
const { SIGNING_DOCS } = await import(join(root, 'packages/core/dist/schemas.js'))

/** `Details` is an array: `Details[]`; `callee` an object: `callee{}`; `event` pinned: `event` = `x`. */
function describeField(path, kind) {
  if (typeof kind === 'object') return `\`${path}\` = \`${kind.equals}\``
  if (kind === 'array') return `\`${path}[]\``
  if (kind === 'object') return `\`${path}{}\``
  return `\`${path}\``
}

function describeMatcher(matcher) {
  if (typeof matcher === 'function') return 'a custom predicate'
  const shapes = Array.isArray(matcher) ? matcher : [matcher]
  return shapes
    .map((shape) =>
      Object.entries(shape)
        .map(([path, kind]) => describeField(path, kind))
        .join(' + '),
    )
    .join(', or ')
}

const cell = (text) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

function row(definition) {
  const docs = definition.docs ?? { push: '', id: '' }
  const type = definition.type === 'chatbot.*' ? 'chatbot.<event>' : definition.type
  const builtIn =
    (definition.verify !== undefined && definition.verify !== false) || definition.signing === 'md5-sign'
      ? ' (built in)'
      : ''
  const cells = [
    `\`${type}\``,
    docs.push,
    describeMatcher(definition.matches),
    docs.id,
    (SIGNING_DOCS[definition.signing] ?? '') + builtIn,
  ]
  return `| ${cells.map(cell).join(' | ')} |`
}

function eventTable() {
  return [
    '| type | AIRudder push | tells it apart | idempotency `id` | verification |',
    '|---|---|---|---|---|',
    ...schemaDefinitions().map(row),
    '| `unknown` | anything else | — | hash of the raw body | ' +
      "`'*'` or `'unknown'` rule if configured, else none |",
  ].join('\n')
}

function withTable(text) {
  const match = /(<!-- events:start[^\n]*-->\n)[\s\S]*?(<!-- events:end -->)/.exec(text)
  if (!match) throw new Error('README.md has no <!-- events:start … --> … <!-- events:end --> region')
  return text.replace(match[0], `${match[1]}${eventTable()}\n${match[2]}`)
}

/** Every generated file: path -> wanted content (`undefined`: must not exist). */
const wanted = new Map()
for (const { file, schema } of eventJsonSchemas()) {
  wanted.set(join(schemaDir, file), `${JSON.stringify(schema, null, 2)}\n`)
}
for (const file of existsSync(schemaDir) ? readdirSync(schemaDir) : []) {
  const path = join(schemaDir, file)
  if (file.endsWith('.json') && !wanted.has(path)) wanted.set(path, undefined)
}
wanted.set(readme, withTable(readFileSync(readme, 'utf8')))

const stale = []
for (const [path, content] of wanted) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
  if (current === content) continue
  stale.push(relative(root, path))
  if (check) continue
  if (content === undefined) rmSync(path)
  else {
    mkdirSync(schemaDir, { recursive: true })
    writeFileSync(path, content)
  }
}

if (check && stale.length > 0) {
  console.error(
    `generated files are stale (run \`node scripts/generate.mjs\`):\n` +
      stale.map((path) => `  ${path}`).join('\n'),
  )
  process.exit(1)
}
console.log(
  stale.length === 0 ? 'generated files are current' : `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`,
)
