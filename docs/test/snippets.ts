/**
 * Every TypeScript snippet of every README, as a module a user would paste. A snippet that relies
 * on names defined elsewhere says so in an HTML comment right before its fence, which the reader
 * does not see and this test prepends:
 *
 * ````md
 * <!-- doc-test prelude
 * const inbox = createSqliteInbox({ path: ':memory:' })
 * -->
 * ```ts
 * ````
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from './packed'

export interface Snippet {
  /** `README.md#3`: the file and the snippet's position in it (1-based). */
  readonly name: string
  /** A file name for the snippet's module. */
  readonly file: string
  readonly code: string
  /** The README line the fence starts on, for error messages. */
  readonly line: number
}

export function readmes(): string[] {
  const files = ['README.md']
  for (const group of ['packages', 'examples']) {
    for (const dir of readdirSync(join(ROOT, group))) {
      const path = join(group, dir, 'README.md')
      try {
        readFileSync(join(ROOT, path))
        files.push(path)
      } catch {}
    }
  }
  files.push('examples/captured/README.md', 'runtimes/README.md')
  return [...new Set(files)].filter((file) => {
    try {
      readFileSync(join(ROOT, file))
      return true
    } catch {
      return false
    }
  })
}

const FENCE = /(?:<!-- doc-test prelude\n([\s\S]*?)-->\n)?```ts\n([\s\S]*?)```/g

export function snippets(readme: string): Snippet[] {
  const text = readFileSync(join(ROOT, readme), 'utf8')
  const found: Snippet[] = []
  for (const match of text.matchAll(FENCE)) {
    const index = found.length + 1
    const line = text.slice(0, match.index).split('\n').length
    const prelude = match[1] ?? ''
    found.push({
      name: `${relative(ROOT, join(ROOT, readme))}#${index}`,
      file: `${readme.replace(/[/.]/g, '_')}_${index}.ts`,
      code: `${prelude}${match[2]}\nexport {}\n`,
      line,
    })
  }
  return found
}
