/**
 * @module
 * What a user would write without the kit: a plain zod v4 schema per payload, no drift handling.
 */
import { z } from 'zod'

const detail = z.object({
  id: z.number(),
  CallID: z.string(),
  CalleeNumber: z.string(),
  Status: z.string(),
  Intention: z.string(),
  CallTimes: z.number(),
  BorrowedAmount: z.string(),
  TotalOwingAmount: z.string(),
  AsrResult: z.array(z.object({ time: z.string(), robottext: z.string(), text: z.string() })).optional(),
  RedailCall: z.array(z.object({ CallID: z.string(), RingTime: z.number() })).optional(),
})

const message = z.object({
  msg_id: z.string(),
  sender_type: z.string(),
  timestamp: z.number(),
  status: z.string().optional(),
  content: z.object({ type: z.string() }).loose(),
})

export const handwritten: Record<string, z.ZodType> = {
  'workflow.call.completed': z.object({
    workflow_id: z.string(),
    TaskID: z.string(),
    Sign: z.string(),
    Details: z.array(detail),
  }),
  'workflow.chatbot.session_ended': z.object({
    workflow_id: z.string(),
    waba_task_id: z.string(),
    call_id: z.string(),
    session_end_reason: z.string(),
    messages: z.array(message.extend({ reply: message.optional() })),
  }),
}
