/**
 * @module
 * One call's result, as AIRudder sends it in the push's `Details[]` and returns it in the pull
 * API's task-detail `detail[]`. Both parse to the same `CallDetail`:
 *
 * - the pull API's `case_id` is read as `CaseID` (the push's name);
 * - amounts arrive as strings in the push (`"20000.00"`) and numbers in the pull (`20000`):
 *   both become the canonical decimal string `"20000"` (see `decimal()`);
 * - documented-optional fields (the collections-only robot variables, `ExtraA/B/C`, and the
 *   per-country AsrResult, AsrPTP, EventLabel, NerSlots, RedailCall, RingTime, TalkRound,
 *   intention_description, caller_number) may be absent or `null` (read as `undefined`);
 *   unknown fields are kept.
 *
 * ```ts
 * const detail = parseCallDetail(json.Details[0])
 * detail.TotalOwingAmount // '20310'
 * ```
 */
import { z } from 'zod'
import { decimal, idString, integer, openEnum, optional, text } from './drift'

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

/** `RingType` may be the string `"null"` (kept as sent) or a JSON null (kept as `null`). */
const RingType = openEnum(RING_TYPES).nullable()
const HangupType = openEnum(HANGUP_TYPES)
const labels = z.record(z.string(), z.unknown())

export const AsrTurnSchema = z.looseObject({
  time: text(),
  robottext: optional(text()),
  text: optional(text()),
})

/** A redial attempt (`RedailCall[]`, AIRudder's spelling). Times have no zone: `2024-03-11 10:19:27`. */
export const RedialCallSchema = z.looseObject({
  CallID: text(),
  CallStartTime: optional(text()),
  RingType: optional(RingType),
  RingTime: optional(integer()),
  HangupType: optional(HangupType),
  ResultLabel: optional(text()),
  callee_number: optional(text()),
  caller_number: optional(text()),
})

/**
 * The vendor's field table, field by field (`必需` required, `可选` optional). `id` ("phone
 * details ID") is an identifier, so it is a string: an id beyond 2^53 keeps every digit.
 * `Variables` is required in the push's table but absent from the pull API's example, which
 * parses to this same type, so it is optional here.
 */
const CallDetailObject = z.looseObject({
  id: idString(),
  RobotID: idString(),
  CalleeName: text(),
  CalleeGender: text(),
  CalleeNumber: text(),
  CallStartTime: text(),
  CallEndTime: text(),
  Status: openEnum(CALL_STATUSES),
  Intention: text(),
  CallID: idString(),
  CallTimes: integer(),
  Comments: text(),
  // Robot variables, "only applicable in the collections scenario".
  BorrowedDate: optional(text()),
  DueDate: optional(text()),
  BorrowedAmount: optional(decimal()),
  TotalOwingAmount: optional(decimal()),
  CurrencyUnit: optional(text()),
  PlatformName: text(),
  RingType,
  HangupType,
  ExtraA: optional(text()),
  ExtraB: optional(text()),
  ExtraC: optional(text()),
  CaseID: idString(),
  Variables: optional(labels),
  // "This field varies by country".
  AsrResult: optional(z.array(AsrTurnSchema)),
  AsrPTP: optional(text()),
  EventLabel: optional(labels),
  RingTime: optional(integer()),
  TalkRound: optional(integer()),
  RedailCall: optional(z.array(RedialCallSchema)),
  NerSlots: optional(labels),
  intention_description: optional(text()),
  caller_number: optional(text()),
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
