/**
 * The lowest versions the published packages allow, tested: packs core and the Express and Hono
 * adapters, installs them with npm into a scratch project next to the lowest allowed zod and
 * @noble/hashes (core's `^` ranges) and the lowest Express 4, Express 5 and Hono 4 (the adapters'
 * peer ranges), then serves a signed delivery with each framework over real HTTP (answered `200`,
 * handler run) and a forged one (`401`). Prints `N passed, N failed`; exits 1 on any failure.
 *
 *   node scripts/lowest-versions.mjs      (after `pnpm build`; needs the npm registry)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const manifest = (pkg) => JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'))
/** The lowest version a `^x.y.z` range (or the first `||` alternative) allows. */
const lowest = (range) => /\^?(\d+\.\d+\.\d+)/.exec(range)?.[1]
const lowestOf = (range) => range.split('||').map((part) => lowest(part.trim()))

const core = manifest('core').dependencies
const [express4, express5] = lowestOf(manifest('express').peerDependencies.express)
const [hono] = lowestOf(manifest('hono').peerDependencies.hono)
const versions = {
  zod: lowest(core.zod),
  '@noble/hashes': lowest(core['@noble/hashes']),
  express: express4,
  express5: `npm:express@${express5}`,
  hono,
}

const dir = mkdtempSync(join(tmpdir(), 'airudder-lowest-'))
try {
  const packs = join(dir, 'packs')
  mkdirSync(packs)
  for (const pkg of ['core', 'express', 'hono']) {
    execFileSync('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', packs], {
      cwd: join(root, 'packages', pkg),
      stdio: 'pipe',
    })
  }
  const tarballs = Object.fromEntries(
    readdirSync(packs).map((file) => [
      `@airudder-webhooks/${file.replace(/^airudder-webhooks-/, '').replace(/-\d.*$/, '')}`,
      `file:packs/${file}`,
    ]),
  )
  const dependencies = { ...tarballs, ...versions }
  // overrides: a transitive zod or @noble/hashes must be the lowest too, not a newer copy.
  const overrides = { zod: versions.zod, '@noble/hashes': versions['@noble/hashes'] }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ type: 'module', dependencies, overrides }, null, 2),
  )
  console.log(
    `installing ${Object.entries(versions)
      .map(([name, v]) => `${name}@${v}`)
      .join(', ')}`,
  )
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  })
  writeFileSync(join(dir, 'smoke.mjs'), readFileSync(join(root, 'scripts', 'lowest-versions-smoke.mjs')))
  execFileSync(process.execPath, ['smoke.mjs'], { cwd: dir, stdio: 'inherit' })
} catch (error) {
  console.log(`lowest versions: ${error.message}`)
  console.log('0 passed, 1 failed')
  process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
