/**
 * A throwaway project that sees the kit as a user does: every publishable package packed with
 * `pnpm pack` and unpacked into its `node_modules`, next to the third-party packages the
 * snippets import (linked from the workspace's store, so no network is needed).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PNPM = ['-y', 'pnpm@10.34.9']

/** The packages a user installs (not the private conformance suite). */
export const PUBLISHED = readdirSync(join(ROOT, 'packages')).filter((dir) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'))
  return !manifest.private
})

/** Third-party packages the snippets and the packed packages import, found in the workspace. */
const THIRD_PARTY = [
  'zod',
  '@noble/hashes',
  'express',
  '@types/express',
  'hono',
  '@hono/node-server',
  'next',
  'react',
  'pg',
  '@types/pg',
  'better-sqlite3',
  '@types/better-sqlite3',
  '@types/node',
  'tsx',
]
const SEARCH = [
  ROOT,
  ...PUBLISHED.map((dir) => join(ROOT, 'packages', dir)),
  ...readdirSync(join(ROOT, 'examples')).map((dir) => join(ROOT, 'examples', dir)),
]

function link(project: string, name: string): void {
  const found = SEARCH.map((dir) => join(dir, 'node_modules', name)).find((path) => existsSync(path))
  if (!found) throw new Error(`docs test: ${name} is not installed anywhere in the workspace`)
  const target = join(project, 'node_modules', name)
  mkdirSync(dirname(target), { recursive: true })
  symlinkSync(found, target, 'dir')
}

/** Packs and unpacks every published package into a new project; returns its directory. */
export function createPackedProject(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-docs-'))
  const packs = join(dir, 'packs')
  mkdirSync(packs)
  for (const pkg of PUBLISHED) {
    execFileSync('npx', [...PNPM, 'pack', '--pack-destination', packs], {
      cwd: join(ROOT, 'packages', pkg),
      stdio: 'pipe',
    })
  }
  for (const tarball of readdirSync(packs)) {
    const name = tarball.replace(/^airudder-webhooks-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')
    const target = join(dir, 'node_modules', '@airudder-webhooks', name)
    mkdirSync(target, { recursive: true })
    execFileSync('tar', ['-xzf', join(packs, tarball), '-C', target, '--strip-components=1'])
  }
  for (const name of THIRD_PARTY) link(dir, name)
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
