/**
 * Documentation that cannot rot: every TypeScript snippet of every README type-checks, as a
 * module of a user's project (strict, NodeNext) against the packages as published (`pnpm pack`),
 * and the quick starts run: servers as real processes, route handlers called with a Request, each
 * sent the captured, signed delivery of `examples/captured/`.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPackedProject, ROOT } from './packed'
import { callRouteHandler, isRouteHandler, isServer, startServer } from './run-snippet'
import { readmes, type Snippet, snippets } from './snippets'

const all = readmes().flatMap((readme) => snippets(readme))
let diagnostics: Map<string, string[]>
let cleanup = () => {}
let projectDir = ''

beforeAll(() => {
  const project = createPackedProject()
  cleanup = project.cleanup
  projectDir = project.dir
  writeFileSync(join(project.dir, 'package.json'), JSON.stringify({ type: 'module' }))
  mkdirSync(join(project.dir, 'snippets'))
  const files = all.map((snippet) => {
    const file = join(project.dir, 'snippets', snippet.file)
    writeFileSync(file, snippet.code)
    return file
  })
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    skipLibCheck: true,
    esModuleInterop: true,
  })
  diagnostics = new Map(
    all.map((snippet, index) => {
      const source = program.getSourceFile(files[index] ?? '')
      const found = source ? ts.getPreEmitDiagnostics(program, source) : []
      return [snippet.name, found.map((diagnostic) => format(snippet, diagnostic))]
    }),
  )
}, 240_000)
afterAll(() => cleanup())

function format(snippet: Snippet, diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  const position =
    diagnostic.file && diagnostic.start !== undefined
      ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      : undefined
  return `TS${diagnostic.code} at snippet line ${(position?.line ?? -1) + 1} (fence at README line ${snippet.line}): ${text}`
}

describe('every README snippet type-checks against the packed packages', () => {
  it('finds the snippets (a README without one is not silently skipped)', () => {
    expect(all.length).toBeGreaterThanOrEqual(20)
    expect(all.map((snippet) => snippet.name)).toContain('README.md#1')
  })

  it.each(all.map((snippet) => [snippet.name]))('%s', (name) => {
    expect(diagnostics.get(name)).toEqual([])
  })
})

const DELIVERY = readFileSync(join(ROOT, 'examples/captured/workflow-call-completed.json'), 'utf8')
/** What the quick starts' handlers print from that delivery: its TaskID (or its start), a CallID or a CaseID. */
const HANDLED = /490d5e|cad907xxxxxxxx35644a|cb035452180xxxxxxxxb2c7db|7777777/
const WARNING = "WARNING: no KEY is set, so deliveries signed with AIRudder's public default KEY 'airudder'"
// Signed with another KEY: the md5 `Sign` covers TaskID + KEY only, so this is what a forgery looks like.
const TAMPERED = DELIVERY.replace('21816736b9b630184126f8fb3bb74d3b', '0123456789abcdef0123456789abcdef')

/** Stands in for the CRM the Next.js quick start posts to. */
let crm: Server
let crmUrl = ''
const crmBodies: string[] = []
beforeAll(async () => {
  crm = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      crmBodies.push(body)
      res.end('{}')
    })
  })
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve))
  const address = crm.address()
  crmUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/calls`
})
afterAll(() => crm?.close())

const env = (more: Record<string, string> = {}) => ({
  AIRUDDER_URL_TOKEN: 'docs-url-token',
  CRM_URL: crmUrl,
  ...more,
})

async function post(url: string, body: string) {
  const response = await fetch(`${url}/webhooks/airudder`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { status: response.status, body: await response.text() }
}

// The PostgreSQL quick start needs a migrated database: its package's tests run that server.
const servers = all.filter((snippet) => isServer(snippet) && !snippet.code.includes('DATABASE_URL'))
const routeHandlers = all.filter(isRouteHandler)

describe('the framework quick starts run as real servers', () => {
  it('finds them', () => {
    expect(servers.map((snippet) => snippet.name)).toEqual(
      expect.arrayContaining([
        'README.md#2',
        'README.md#3',
        'packages/express/README.md#1',
        'packages/hono/README.md#1',
      ]),
    )
  })

  it.each(servers.map((snippet) => [snippet.name, snippet]))(
    '%s: handles the signed delivery with the default KEY (and warns), refuses a tampered one',
    async (_, snippet) => {
      const server = await startServer(projectDir, snippet, env())
      try {
        expect(await post(server.url, DELIVERY)).toEqual({ status: 200, body: '{}' })
        expect(await post(server.url, TAMPERED)).toMatchObject({ status: 401 })
        expect(server.output()).toContain(WARNING)
        if (/webhooks\.on\(/.test(snippet.code)) expect(server.output()).toMatch(HANDLED)
        if (/SIGTERM/.test(snippet.code)) {
          // A snippet that handles SIGTERM must still exit on it (a deploy's stop must not hang).
          server.stop()
          expect(await server.exited(15_000)).toBe(true)
        }
      } finally {
        server.stop()
      }
    },
  )

  it.each(servers.map((snippet) => [snippet.name, snippet]))(
    '%s: AIRUDDER_KEY comma-separated for rotation: the old KEY still passes, without the warning',
    async (_, snippet) => {
      const server = await startServer(projectDir, snippet, env({ AIRUDDER_KEY: 'new-key,airudder' }))
      try {
        expect(await post(server.url, DELIVERY)).toEqual({ status: 200, body: '{}' })
        expect(server.output()).not.toContain(WARNING)
      } finally {
        server.stop()
      }
    },
  )
})

describe('the route-handler quick starts answer a Request', () => {
  it('finds them', () => {
    expect(routeHandlers.map((snippet) => snippet.name)).toEqual(
      expect.arrayContaining([
        'README.md#1',
        'README.md#4',
        'packages/core/README.md#1',
        'packages/next/README.md#1',
      ]),
    )
  })

  it.each(routeHandlers.map((snippet) => [snippet.name, snippet]))(
    '%s: handles the signed delivery',
    async (_, snippet) => {
      const before = crmBodies.length
      const result = await callRouteHandler(projectDir, snippet, DELIVERY, env())
      expect(result).toMatchObject({ status: 200, body: '{}' })
      if (snippet.code.includes('CRM_URL')) expect(crmBodies.slice(before).join()).toMatch(HANDLED)
      else expect(result.output).toMatch(HANDLED)
    },
  )
})
