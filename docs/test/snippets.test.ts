/**
 * Documentation that cannot rot: every TypeScript snippet of every README type-checks, as a
 * module of a user's project (strict, NodeNext) against the packages as published (`pnpm pack`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPackedProject } from './packed'
import { readmes, type Snippet, snippets } from './snippets'

const all = readmes().flatMap((readme) => snippets(readme))
let diagnostics: Map<string, string[]>
let cleanup = () => {}

beforeAll(() => {
  const project = createPackedProject()
  cleanup = project.cleanup
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
