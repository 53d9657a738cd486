// Reads vitest's JSON report, prints tests per workspace project and the closing `N passed, N failed` line.
// Exits non-zero when a test failed or a workspace package/example with a test/ folder ran no test.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = process.cwd()
const reportPath = join(root, '.ci/out/vitest.json')
if (!existsSync(reportPath)) {
  console.log('tests: no vitest report was written')
  process.exit(1)
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'))
// Every folder with a test/ folder is a project: packages/* and examples/* two deep, the rest (bench, docs) one.
const nested = ['packages', 'examples']
const perProject = new Map()
let passed = 0
let failed = 0
for (const file of report.testResults) {
  const parts = relative(root, file.name).split('/')
  const project = parts.slice(0, nested.includes(parts[0]) ? 2 : 1).join('/')
  for (const test of file.assertionResults) {
    const entry = perProject.get(project) ?? { passed: 0, failed: 0 }
    if (test.status === 'passed') {
      entry.passed++
      passed++
    } else if (test.status === 'failed') {
      entry.failed++
      failed++
    }
    perProject.set(project, entry)
  }
  if (file.status === 'failed' && file.assertionResults.length === 0) failed++
}
const expected = readdirSync(root)
  .filter((name) => !name.startsWith('.') && name !== 'node_modules')
  .flatMap((name) => (nested.includes(name) ? readdirSync(name).map((inner) => `${name}/${inner}`) : [name]))
  .filter((dir) => existsSync(join(dir, 'test')))
for (const project of expected) {
  const entry = perProject.get(project)
  console.log(`  ${project}: ${entry ? `${entry.passed} passed, ${entry.failed} failed` : 'NO TESTS RAN'}`)
  if (!entry || entry.passed + entry.failed === 0) failed++
}
console.log(`tests: ${passed} passed, ${failed} failed`)
writeFileSync(join(root, '.ci/out/counts'), `${passed} ${failed}\n`)
process.exit(failed === 0 ? 0 : 1)
