import { builtinModules, createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { FIXTURES, KEY, signedDelivery } from '@airudder-webhooks/conformance'
import { parse, summarizeEvent } from '@airudder-webhooks/core'
import { EdgeVM } from '@edge-runtime/vm'
import { beforeAll, describe, expect, it } from 'vitest'

/** The part of esbuild's API used here (esbuild is installed as tsx's dependency). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: readonly { text: string }[] }>
}
interface ResolveArgs {
  readonly path: string
  readonly importer: string
}
interface PluginBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: ResolveArgs) => { errors: { text: string }[] },
  ): void
}

const requireFromExample = createRequire(
  new URL('../../../examples/hono-server/package.json', import.meta.url),
)
const esbuild: Esbuild = createRequire(requireFromExample.resolve('tsx/package.json'))('esbuild')

const builtins = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => name.replace('/', '\\/'))
/** Fails the build on any Node built-in, `node:`-prefixed or bare: the Edge runtime has none. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build: PluginBuild) {
    build.onResolve({ filter: new RegExp(`^(node:.*|(${builtins.join('|')})(/.*)?)$`) }, (args) => ({
      errors: [{ text: `${args.path} (imported by ${args.importer}) does not exist on the Edge runtime` }],
    }))
  },
}

async function bundle(contents: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    alias: { '@airudder-webhooks/next': fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [noNodeBuiltins],
  })
  return result.outputFiles.map((file) => file.text).join('\n')
}

type Deliver = (url: string, body: string, headers: string) => Promise<string>

describe('Edge runtime', () => {
  let code = ''
  let deliver: Deliver

  beforeAll(async () => {
    // The package is `sideEffects: false`, so the global is set here, outside it.
    code = await bundle("import { airudderEdge } from './edge-entry'; globalThis.airudderEdge = airudderEdge")
    const vm = new EdgeVM()
    vm.evaluate(code)
    deliver = vm.evaluate(`globalThis.airudderEdge(${JSON.stringify(KEY)})`)
  }, 30_000)

  it('bundles core and the route handler without Node built-ins, into one plain script', () => {
    expect(code).not.toMatch(/\brequire\(|^\s*(import|export)\s/m)
  })

  it('refuses to bundle anything that imports a Node built-in', async () => {
    await expect(bundle("import { createHash } from 'node:crypto'; console.log(createHash)")).rejects.toThrow(
      /node:crypto .*does not exist on the Edge runtime/,
    )
    await expect(bundle("import 'fs'")).rejects.toThrow(/fs .*does not exist on the Edge runtime/)
  })

  it('answers a signed delivery 200 {} and runs the handler with the typed payload', async () => {
    const delivery = signedDelivery(...FIXTURES[0])
    const reply = JSON.parse(
      await deliver(`https://example.com${delivery.path}`, delivery.body, JSON.stringify(delivery.headers)),
    )
    const expected = parse(delivery.body)
    if (!expected.ok || expected.event.type !== 'workflow.call.completed') throw new Error('fixture')
    expect(reply).toEqual({
      status: 200,
      body: {},
      handled: [
        {
          type: 'workflow.call.completed',
          payload: JSON.parse(JSON.stringify(expected.event.payload)),
          calls: expected.event.payload.Details.map((call) => call.CallID),
          summary: summarizeEvent(expected.event),
          userAgent: 'Airudder',
        },
      ],
    })
  })

  it('refuses a tampered delivery with 401 and runs no handler', async () => {
    const delivery = signedDelivery(...FIXTURES[0], { tamper: true })
    const reply = JSON.parse(
      await deliver(`https://example.com${delivery.path}`, delivery.body, JSON.stringify(delivery.headers)),
    )
    expect(reply).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } })
    expect(reply.handled).toHaveLength(1) // only the earlier, signed delivery
  })
})
