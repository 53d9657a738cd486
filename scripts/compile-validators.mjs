/**
 * @module
 * Compiles every built-in event's zod schema into a specialised validator: plain TypeScript that
 * checks the parsed JSON and normalises it in place, written to
 * `packages/core/src/steps/compiled/validators.generated.ts`. It walks the schema objects of the
 * BUILT core (`packages/core/dist/schemas.js`), so a schema change flows through on the next
 * `node scripts/generate.mjs` (which calls this; `--check` fails while the file is stale).
 *
 * Nothing is evaluated at run time. Transforms, preprocessors and refinements stay the schema's own
 * closures: the generated code looks each up once, by its path in the schema's definition, and calls
 * it as zod does. A part of a schema the compiler does not specialise is handed to zod (`byZod`).
 *
 * What each node returns (see `runtime.ts`): its output (the same object when nothing changed),
 * `NO` (zod would reject it too, and nothing was changed), or `BAIL` (rejected or unknown after a
 * change in place). Unions try their next option only after `NO`; any failure at the top sends the
 * delivery to zod on a fresh parse, so invalid bodies are judged by zod alone.
 */
import { analyse, defOf, discriminatorCases, supported, typeOf } from './zod-analysis.mjs'

const FAILED = (name) => `${name} === NO || ${name} === BAIL`
/** `.key` when the key is an identifier, else `["key"]`. */
const member = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)

/**
 * @param {{ type: string; schema: unknown }[]} roots
 * @param {(schema: unknown) => { kind: string; inner?: unknown } | undefined} driftTag core's
 *   `driftTag`: schemas built by the same drift helper (`text()`, `integer()`, …) behave alike, so
 *   they share one compiled function instead of one per field.
 */
export function compileValidators(roots, driftTag = () => undefined) {
  const lines = []
  const constants = []
  const functions = new Map() // schema -> function name
  let counter = 0

  /** A module-level constant holding what sits at `path` in a root's definition. */
  function constant(root, path, prefix, wrap = '') {
    const name = `${prefix}${counter++}`
    constants.push(
      `const ${name} = ${wrap}${wrap ? '(' : ''}defAt(${root}, ${JSON.stringify(path)})${wrap ? ')' : ''}`,
    )
    return name
  }

  /** What identifies a node's behaviour: its drift helper when it has one, else the schema itself. */
  function keyOf(schema) {
    const tag = driftTag(schema)
    if (!tag) return schema
    if (tag.kind !== 'optional') return `drift:${tag.kind}`
    const inner = keyOf(tag.inner)
    return typeof inner === 'string' ? `drift:optional(${inner})` : schema
  }

  /** The name of the function validating `schema`, generating it (and its children) on first use. */
  function compile(schema, root, path) {
    const key = keyOf(schema)
    const known = functions.get(key)
    if (known) return known
    const name = `v${counter++}`
    functions.set(key, name)
    analyse(schema) // from the top first: inside a recursive schema, answers depend on where the walk starts
    const def = defOf(schema)
    const body = supported(schema)
      ? node(schema, def, root, path)
      : [`return ${constant(root, path, 'z', 'byZod')}(v)`]
    const checks = def.checks ?? []
    if (supported(schema) && checks.length > 0) {
      // Checks run on the parsed value; `node` ends in `return <value>`, so route it through them.
      const list = constant(root, [...path, 'checks'], 'c')
      const fail = analyse(schema).mutates ? 'BAIL' : 'NO'
      lines.push(`function ${name}(v: unknown): unknown {`)
      lines.push(`const out = ${name}Parse(v)`)
      lines.push(`if (${FAILED('out')}) return out`)
      lines.push(`return passes(${list}, out) ? out : ${fail}`)
      lines.push('}')
      lines.push(`function ${name}Parse(v: unknown): unknown {`, ...body, '}')
    } else {
      lines.push(`function ${name}(v: unknown): unknown {`, ...body, '}')
    }
    return name
  }

  function node(schema, def, root, path) {
    switch (def.type) {
      case 'string':
        return [`return typeof v === 'string' ? v : NO`]
      case 'number':
        return [`return typeof v === 'number' && Number.isFinite(v) ? v : NO`]
      case 'boolean':
        return [`return typeof v === 'boolean' ? v : NO`]
      case 'null':
        return ['return v === null ? v : NO']
      case 'unknown':
      case 'any':
        return ['return v']
      case 'literal':
        return [`return ${def.values.map((value) => `v === ${JSON.stringify(value)}`).join(' || ')} ? v : NO`]
      case 'optional':
        return [
          'if (v === undefined) return v',
          `return ${compile(def.innerType, root, [...path, 'innerType'])}(v)`,
        ]
      case 'nullable':
        return [
          'if (v === null) return v',
          `return ${compile(def.innerType, root, [...path, 'innerType'])}(v)`,
        ]
      case 'transform':
        return [`return transform(${constant(root, [...path, 'transform'], 't')}, v)`]
      case 'pipe': {
        const first = compile(def.in, root, [...path, 'in'])
        const second = compile(def.out, root, [...path, 'out'])
        const afterFirst = analyse(def.in).mutates ? 'BAIL' : 'NO'
        return [
          `const a = ${first}(v)`,
          `if (${FAILED('a')}) return a`,
          `const b = ${second}(a)`,
          `return b === NO ? ${afterFirst} : b`,
        ]
      }
      case 'union':
        return def.discriminator !== undefined
          ? discriminated(schema, def, root, path)
          : union(def, root, path)
      case 'object':
        return object(def, root, path)
      case 'array': {
        const element = compile(def.element, root, [...path, 'element'])
        const fail = analyse(def.element).mutates || analyse(def.element).changes ? 'BAIL' : 'r'
        return [
          'if (!Array.isArray(v)) return NO',
          'for (let i = 0; i < v.length; i++) {',
          'const x: unknown = v[i]',
          `const r = ${element}(x)`,
          `if (${FAILED('r')}) return ${fail}`,
          'if (r !== x) v[i] = r',
          '}',
          'return v',
        ]
      }
      case 'record': {
        // zod leaves an own `__proto__` key out of its copy; such a rare body goes to zod.
        const head = ['if (!isPlainObject(v)) return NO', "if (Object.hasOwn(v, '__proto__')) return BAIL"]
        if (['unknown', 'any'].includes(typeOf(def.valueType))) return [...head, 'return v']
        const value = compile(def.valueType, root, [...path, 'valueType'])
        const fail = analyse(def.valueType).mutates || analyse(def.valueType).changes ? 'BAIL' : 'r'
        return [
          ...head,
          'for (const key in v) {',
          'const x = v[key]',
          `const r = ${value}(x)`,
          `if (${FAILED('r')}) return ${fail}`,
          'if (r !== x) v[key] = r',
          '}',
          'return v',
        ]
      }
    }
    throw new Error(`compile-validators: no code for ${def.type}`)
  }

  function union(def, root, path) {
    if (def.options.length === 1)
      return [`return ${compile(def.options[0], root, [...path, 'options', 0])}(v)`]
    const out = ['let r: unknown']
    def.options.forEach((option, index) => {
      out.push(`r = ${compile(option, root, [...path, 'options', index])}(v)`, 'if (r !== NO) return r')
    })
    out.push('return NO')
    return out
  }

  function discriminated(schema, def, root, path) {
    const out = [
      "if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO",
      `switch ((v as Record<string, unknown>)${member(def.discriminator)}) {`,
    ]
    for (const [value, option] of discriminatorCases(schema)) {
      const index = def.options.indexOf(option)
      out.push(
        `case ${JSON.stringify(value)}:`,
        `return ${compile(option, root, [...path, 'options', index])}(v)`,
      )
    }
    out.push('default:', 'return NO', '}')
    return out
  }

  function object(def, root, path) {
    const out = [
      "if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO",
      'const o = v as Record<string, unknown>',
      // zod leaves an own `__proto__` key out of its copy; such a rare body goes to zod.
      "if (Object.hasOwn(o, '__proto__')) return BAIL",
    ]
    let changedBefore = false
    Object.entries(def.shape).forEach(([key, field], index) => {
      const fn = compile(field, root, [...path, 'shape', key])
      const k = JSON.stringify(key)
      const at = `o${member(key)}`
      const [x, r] = [`x${index}`, `r${index}`]
      const { optin, optout } = field._zod
      const fail = changedBefore ? 'BAIL' : r
      const absentFail = changedBefore ? 'BAIL' : 'NO'
      out.push(`const ${x} = ${at}`)
      const run = [
        `const ${r} = ${fn}(${x})`,
        `if (${FAILED(r)}) return ${fail}`,
        `if (${r} !== ${x}) ${at} = ${r}`,
      ]
      if (optin === undefined) {
        out.push(`if (${x} === undefined && !(${k} in o)) return ${absentFail}`, ...run)
      } else if (optout === 'optional') {
        out.push(`if (${x} !== undefined || ${k} in o) {`, ...run, '}')
      } else {
        out.push(...run)
      }
      const analysed = analyse(field)
      if (analysed.changes || analysed.mutates) changedBefore = true
    })
    out.push('return o')
    return out
  }

  const exported = []
  roots.forEach((root, index) => {
    const rootName = `s${index}`
    constants.push(`const ${rootName} = schemaOf(${JSON.stringify(root.type)})`)
    const fn = compile(root.schema, rootName, [])
    exported.push(`[${rootName}, ${fn}], // ${root.type}`)
  })
  return { constants, lines, exported }
}

/** The generated module's text (before formatting). */
export function validatorsModule(roots, driftTag) {
  const { constants, lines, exported } = compileValidators(roots, driftTag)
  const code = [...constants, '', ...lines].join('\n')
  // In biome's import order; only what the code uses (and what the header and footer use).
  const always = ['isStale', 'schemaLookup']
  const runtime = [
    'BAIL',
    'byZod',
    'defAt',
    'isPlainObject',
    'isStale',
    'NO',
    'passes',
    'schemaLookup',
    'transform',
  ].filter((name) => always.includes(name) || new RegExp(`\\b${name}\\b`).test(code))
  return [
    '// Generated by scripts/compile-validators.mjs from the zod schemas: do not edit. `node scripts/generate.mjs`',
    '// rewrites it; `node scripts/generate.mjs --check` (CI) fails while it is stale.',
    "import { builtinEvents } from '../../events/catalogue'",
    "import { chatbotEvent } from '../../events/chatbot'",
    `import { ${runtime.join(', ')}, type Validator } from './runtime'`,
    '',
    'const schemaOf = schemaLookup([...builtinEvents, chatbotEvent])',
    '',
    code,
    '',
    '/** The compiled validator of each built-in schema, by the schema object itself. */',
    'export const compiledValidators: ReadonlyMap<unknown, Validator> = isStale()',
    '  ? new Map()',
    '  : new Map<unknown, Validator>([',
    ...exported,
    '    ])',
    '',
  ].join('\n')
}
