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
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validatorsModule } from './compile-validators.mjs'

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
const { SIGNING_DOCS, builtinEvents, chatbotEvent, driftTag } = await import(
  join(root, 'packages/core/dist/schemas.js')
)

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

/** A schema past the preprocessing steps (`z.preprocess`) that only reshape the input. */
function unwrap(schema) {
  let current = schema
  while (current._zod.def.type === 'pipe' && current._zod.def.in._zod.def.type === 'transform') {
    current = current._zod.def.out
  }
  return current
}

/**
 * What a type requires, read from its zod schema: a field is required when the schema refuses it
 * absent. Nested objects and arrays of objects list their own required fields in parentheses.
 */
function describeRequired(schema) {
  const def = unwrap(schema)._zod.def
  if (def.type !== 'object') return ''
  const fields = []
  for (const [key, field] of Object.entries(def.shape)) {
    if (field.safeParse(undefined).success) continue
    const inner = unwrap(field)._zod.def
    const isArray = inner.type === 'array'
    const nested = describeRequired(isArray ? inner.element : field)
    const name = `\`${key}${isArray ? '[]' : inner.type === 'object' ? '{}' : ''}\``
    fields.push(nested ? `${name} (${nested})` : name)
  }
  return fields.join(', ')
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
    describeRequired(definition.schema) || 'nothing else',
    docs.id,
    (SIGNING_DOCS[definition.signing] ?? '') + builtIn,
  ]
  return `| ${cells.map(cell).join(' | ')} |`
}

function eventTable() {
  return [
    '| type | AIRudder push | tells it apart | required (the rest may be absent or `null`) | idempotency `id` | verification |',
    '|---|---|---|---|---|---|',
    ...schemaDefinitions().map(row),
    '| `unknown` | anything else | — | — | hash of the raw body | ' +
      "md5 `Sign` when the body carries `Sign`, else the `'unknown'` or `'*'` rule; refused (401) without one |",
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
const validators = join(root, 'packages/core/src/steps/compiled/validators.generated.ts')
wanted.set(validators, formatted(validators, validatorsModule([...builtinEvents, chatbotEvent], driftTag)))

/** `code` as biome formats it, so the generated file passes the lint step unchanged. */
function formatted(path, code) {
  const biome = join(root, 'node_modules/.bin/biome')
  const result = spawnSync(biome, ['format', `--stdin-file-path=${path}`], { input: code, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`biome could not format ${path}:\n${result.stderr}`)
  return result.stdout
}

const stale = []
for (const [path, content] of wanted) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
  if (current === content) continue
  stale.push(relative(root, path))
  if (check) continue
  if (content === undefined) rmSync(path)
  else {
    mkdirSync(dirname(path), { recursive: true })
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
