/**
 * @module
 * One call's result, as AIRudder sends it in the push's `Details[]` and returns it in the pull
 * API's task-detail `detail[]`. Both parse to the same `CallDetail`:
 *
 * - the pull API's `case_id` is read as `CaseID` (the push's name);
 * - amounts arrive as strings in the push (`"20000.00"`) and numbers in the pull (`20000`):
 *   both become the canonical decimal string `"20000"` (see `decimal()`);
 * - per-country fields (AsrResult, EventLabel, NerSlots, RedailCall, RingTime, TalkRound,
 *   intention_description, caller_number) may be absent; unknown fields are kept.
 *
 * ```ts
 * const detail = parseCallDetail(json.Details[0])
 * detail.TotalOwingAmount // '20310'
 * ```
 */
import { z } from 'zod'
import { decimal, idString, integer, openEnum } from './drift'

export const CALL_STATUSES = ['created', 'pending', 'finished', 'cancelled', 'canceled', 'failed'] as const
export const RING_TYPES = [
  'busy',
  'cantuse',
  'hold',
  'lineswitchoff',
  'outofarea',
  'unregister',
  'wrongnum',
  'notmatch',
  'normal',
  'null',
] as const
export const HANGUP_TYPES = ['ByCallee', 'ByRobot', 'Canceled'] as const

/** `RingType` may be the string `"null"` (kept as sent) or a JSON null. */
const RingType = openEnum(RING_TYPES).nullable()
const HangupType = openEnum(HANGUP_TYPES)

export const AsrTurnSchema = z.looseObject({ time: z.string(), robottext: z.string(), text: z.string() })

/** A redial attempt (`RedailCall[]`, AIRudder's spelling). Times have no zone: `2024-03-11 10:19:27`. */
export const RedialCallSchema = z.looseObject({
  CallID: z.string(),
  CallStartTime: z.string(),
  RingType: RingType.optional(),
  RingTime: integer().optional(),
  HangupType: HangupType.optional(),
  ResultLabel: z.string().optional(),
  callee_number: z.string().optional(),
  caller_number: z.string().optional(),
})

const labels = z.record(z.string(), z.unknown())

const CallDetailObject = z.looseObject({
  id: integer(),
  RobotID: idString(),
  CalleeName: z.string(),
  CalleeGender: z.string(),
  CalleeNumber: z.string(),
  CallStartTime: z.string(),
  CallEndTime: z.string(),
  Status: openEnum(CALL_STATUSES),
  Intention: z.string(),
  CallID: z.string(),
  CallTimes: integer(),
  Comments: z.string(),
  BorrowedDate: z.string(),
  DueDate: z.string(),
  BorrowedAmount: decimal(),
  TotalOwingAmount: decimal(),
  CurrencyUnit: z.string(),
  PlatformName: z.string(),
  RingType,
  HangupType,
  ExtraA: z.string(),
  ExtraB: z.string(),
  ExtraC: z.string(),
  CaseID: idString().optional(),
  AsrResult: z.array(AsrTurnSchema).optional(),
  RingTime: integer().optional(),
  TalkRound: integer().optional(),
  RedailCall: z.array(RedialCallSchema).optional(),
  NerSlots: labels.optional(),
  intention_description: z.string().optional(),
  EventLabel: labels.optional(),
  caller_number: z.string().optional(),
  Variables: labels.optional(),
})

/** The pull API names the case id `case_id`; the push names it `CaseID`. */
function liftCaseId(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('case_id' in input) || 'CaseID' in input) return input
  const { case_id, ...rest } = input as Record<string, unknown>
  return { ...rest, CaseID: case_id }
}

export const CallDetailSchema = z.preprocess(liftCaseId, CallDetailObject)

export type CallDetail = z.output<typeof CallDetailSchema>
export type RedialCall = z.output<typeof RedialCallSchema>
export type AsrTurn = z.output<typeof AsrTurnSchema>

/** Parses one call detail from either the push or the pull API; throws a `ZodError` when invalid. */
export function parseCallDetail(input: unknown): CallDetail {
  return CallDetailSchema.parse(input)
}
