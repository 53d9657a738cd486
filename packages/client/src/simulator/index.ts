/**
 * @module
 * `@airudder-webhooks/client/simulator`: AIRudder for your integration tests (Node). See
 * `createSimulator`.
 */
export type { SimulatedCall, SimulatedTask, TaskStatus } from './calls'
export { pulledCall, pushedCall } from './calls'
export type { PullFault, PullRecord } from './pull-api'
export type { AttemptOutcome, DeliveryRecord, PushContract } from './push'
export {
  type AddTaskOptions,
  createSimulator,
  type PushOptions,
  type Simulator,
  type SimulatorOptions,
} from './simulator'
