/**
 * Runs the REAL built binary (`dist/cli.js`) as a child process, and starts real receivers on
 * loopback: the Express example (tsx over its src/server.ts) and, for retries, a bare `node:http`
 * server over core's `createNodeHandler` whose handler fails the first time.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type RunningServer, startServer } from '@airudder-webhooks/conformance'
import { createWebhooks, type WebhooksOptions } from '@airudder-webhooks/core'
import { createNodeHandler } from '@airudder-webhooks/core/node'
import { afterAll, beforeAll } from 'vitest'

export const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
export const KEY = 'cli-key'
export const HEADER_KEY = 'cli-header-key'
export const URL_TOKEN = 'cli-url-token'
export const PATH = '/webhooks/airudder'

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `node dist/cli.js …args` (asynchronously: the receivers live in this process). */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/**
 * For a suite: the Express example runs from before its first test to after its last; `server`
 * and `url` (its webhook URL) read it.
 */
export function useExample() {
  let running: RunningServer | undefined
  beforeAll(async () => {
    running = await startExample()
  })
  afterAll(() => running?.stop())
  return {
    get server(): RunningServer {
      if (!running) throw new Error('the Express example has not started')
      return running
    },
    get url(): string {
      return `${this.server.url}${PATH}`
    },
  }
}

const exampleDir = fileURLToPath(new URL('../../../examples/express-server/', import.meta.url))

/** The Express example, configured from the environment like a deployment. */
export function startExample(env: Record<string, string> = {}): Promise<RunningServer> {
  const tsxCli = createRequire(join(exampleDir, 'package.json')).resolve('tsx/cli')
  return startServer({
    cwd: exampleDir,
    command: process.execPath,
    args: [tsxCli, 'src/server.ts'],
    env: {
      AIRUDDER_KEY: KEY,
      AIRUDDER_HEADER_ALGORITHM: 'hmac-sha256-hex',
      AIRUDDER_HEADER_KEY: HEADER_KEY,
      AIRUDDER_URL_TOKEN: URL_TOKEN,
      HOST: '127.0.0.1',
      ...env,
    },
  })
}

export interface FlakyServer {
  readonly url: string
  /** When each delivery arrived (ms since the server started) and what it was answered. */
  readonly arrivals: { at: number; status: number }[]
  close(): Promise<void>
}

/** A receiver whose handlers throw on the first `failures` deliveries (answered 500), then succeed. */
export async function startFlakyServer(failures = 1, options: WebhooksOptions = {}): Promise<FlakyServer> {
  const webhooks = createWebhooks({ key: KEY, logger: false, ...options })
  let left = failures
  webhooks.onAny(() => {
    if (left-- > 0) throw new Error('first attempt fails')
  })
  const handle = createNodeHandler(webhooks)
  const started = performance.now()
  const arrivals: { at: number; status: number }[] = []
  const server = createServer((req, res) => {
    const at = performance.now() - started
    res.once('finish', () => arrivals.push({ at, status: res.statusCode }))
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A fresh temporary directory holding `files` (name -> content). */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-cli-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}
