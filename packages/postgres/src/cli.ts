#!/usr/bin/env node
/**
 * @module
 * The `airudder-webhooks-postgres` executable: `airudder-webhooks-postgres migrate --url postgres://…`.
 */
import { runCli } from './cli/run'

process.exitCode = await runCli(process.argv.slice(2))
