#!/usr/bin/env node
/**
 * @module
 * The `airudder-webhooks` binary.
 */
import { run } from './run'

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
})
