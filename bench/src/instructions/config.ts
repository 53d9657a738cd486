/**
 * @module
 * The instruction-count runs: the full one (`pnpm bench:instructions`, every fixture) and the CI
 * gate's (two fixtures, compared with the committed baseline). Both use the same settings, which the
 * baseline records: counts measured otherwise are not comparable.
 */
import type { MeasureOptions, MeasureSettings } from './measure'

export const SETTINGS: MeasureSettings = { warmup: 2000, counts: [500, 2500] }

export const FULL: MeasureOptions = { ...SETTINGS, parallel: 2, floors: true }

export const GATE: MeasureOptions = {
  ...SETTINGS,
  fixtures: ['workflow-call-completed.json', 'workflow-chatbot-session-ended.json'],
  parallel: 2,
}

/** A fixture whose pipeline or `handle` count rises more than this over the baseline fails the gate. */
export const TOLERANCE = 0.1
