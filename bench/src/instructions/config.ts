/**
 * @module
 * The two instruction-count runs: the full one (`pnpm bench:instructions`, every fixture) and the
 * CI gate's (two fixtures, small counts, compared with the committed baseline). Counts differ between
 * settings, so the baseline records the settings it was measured with and the gate uses the same.
 */
import type { MeasureOptions } from './measure'

export const FULL: MeasureOptions = { count: 400, warmup: 1000, parallel: 2 }

export const GATE: MeasureOptions = {
  fixtures: ['workflow-call-completed.json', 'workflow-chatbot-session-ended.json'],
  count: 100,
  warmup: 300,
  parallel: 2,
}

/** A fixture whose pipeline or `handle` count rises more than this over the baseline fails the gate. */
export const TOLERANCE = 0.1
