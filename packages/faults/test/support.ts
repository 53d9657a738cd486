/**
 * Shared set-up of the fault cases: the test database (`AIRUDDER_TEST_DATABASE_URL`; without it
 * the PostgreSQL cases do not run), table names unique to this run, and the receiver process.
 */
import { fileURLToPath } from 'node:url'
import { KEY, startServerProcess, waitFor } from '@airudder-webhooks/conformance'

export const DATABASE_URL = process.env.AIRUDDER_TEST_DATABASE_URL ?? ''
export const hasDatabase = DATABASE_URL !== ''
export const packageDir = fileURLToPath(new URL('..', import.meta.url))

let names = 0
export const uniqueName = (prefix: string) =>
  `faults_${prefix}_${process.pid}_${Date.now().toString(36)}_${++names}`.slice(0, 40)

export function startReceiver(env: Record<string, string>, port?: number) {
  return startServerProcess({
    cwd: packageDir,
    script: 'test/fixtures/server.ts',
    env: { AIRUDDER_KEY: KEY, ...env },
    ...(port === undefined ? {} : { port }),
  })
}

/** The receiver's own pid (tsx runs it as a child of the process group's leader). */
export function receiverPid(lines: readonly string[]): number {
  const line = lines.find((each) => each.startsWith('listening pid '))
  return Number(line?.slice('listening pid '.length))
}

export { waitFor }
