/**
 * The build every published package shares: ESM and CommonJS with declarations, `.js`/`.cjs`
 * file names (what each package.json `exports` points to), ES2022. Packages add their entries
 * and anything specific (platform, shims).
 */
import { defineConfig, type UserConfig } from 'tsdown'

export const library = (overrides: UserConfig = {}): UserConfig => ({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  // `platform: 'node'` would otherwise name the files .mjs/.d.mts.
  fixedExtension: false,
  clean: true,
  ...overrides,
})

export { defineConfig }
