#!/usr/bin/env node
// Committed so package managers can link the bin at install time, before any build;
// the command itself is the built dist/cli.js.
try {
  await import('../dist/cli.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error
  console.error(
    '@airudder-webhooks/cli is not built yet: run `npx -y pnpm@10.34.9 build` in the repository first.',
  )
  process.exitCode = 2
}
