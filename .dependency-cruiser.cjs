/**
 * Import rules, checked in CI (`pnpm check:imports`): no import loops anywhere, and core's folders
 * stacked in layers that only import downwards. docs/architecture.md draws the same stack.
 *
 *   createWebhooks, env options, entries (src/*.ts), testing/   top: wires everything
 *   inbox/                                                      processor, memory inbox
 *   http/ -> node/ (the edge)                                   Request/Node req in, Answer out
 *   webhooks/                                                   the receiver: dedupe, handlers, answers
 *   steps/                                                      decode, classify, verify, validate: pure
 *                                            (steps/maybe-async.ts, which imports nothing, is open to all)
 *   events/ schema/ verify/                                     the catalogue and the verifiers
 */
const core = '^packages/core/src/'
const folders = {
  catalogue: `${core}(events|schema|verify)/`,
  steps: `${core}steps/`,
  receiver: `${core}webhooks/`,
  http: `${core}http/`,
  node: `${core}node/`,
  inbox: `${core}inbox/`,
  testing: `${core}testing/`,
  top: `${core}[^/]+\\.ts$`,
}

/** The sync fast path, written once; it imports nothing, so every layer may use it. */
const shared = `${core}steps/maybe-async\\.ts$`

/** `name` may not import any of `above`: imports run down the stack, never back up. */
const layer = (name, above) => ({
  name: `core-${name}-imports-down`,
  comment: `core's ${name} layer imports only from the layers below it (see .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: folders[name] },
  to: { path: above.map((other) => folders[other]), pathNot: shared },
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other (types included) cannot be read or moved one at a time',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('catalogue', ['steps', 'receiver', 'http', 'node', 'inbox', 'testing', 'top']),
    layer('steps', ['receiver', 'http', 'node', 'inbox', 'testing', 'top']),
    layer('receiver', ['http', 'node', 'inbox', 'testing', 'top']),
    layer('http', ['node', 'inbox', 'testing', 'top']),
    layer('node', ['inbox', 'testing', 'top']),
    layer('inbox', ['http', 'node', 'testing', 'top']),
    {
      name: 'core-maybe-async-imports-nothing',
      comment: 'every layer may import steps/maybe-async.ts, so it may import nothing itself',
      severity: 'error',
      from: { path: shared },
      to: {},
    },
    {
      name: 'core-no-node-builtins',
      comment: 'core runs on edge runtimes: no Node built-ins (the Node bridge uses structural types)',
      severity: 'error',
      from: { path: core },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'packages-use-entries',
      comment: "another package's src/ is internal: import its published entry (@airudder-webhooks/…)",
      severity: 'error',
      from: { path: '^(packages|examples|bench)/([^/]+)/' },
      to: { dependencyTypes: ['local'], path: '^packages/([^/]+)/src/', pathNot: '^$1/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.next|\\.turbo|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
}
