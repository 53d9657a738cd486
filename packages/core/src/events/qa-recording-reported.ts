/**
 * @module
 * `qa.recording.reported`: QA recording report. Known from partial docs; numbers arrive as
 * strings (`"42"`) and are normalised like every other numeric field.
 */
import { z } from 'zod'
import { decimal, idString, integer } from '../schema/drift'
import { defineEvent } from './define-event'

const span = { Channel: idString(), Begin: integer(), End: integer(), Sentence: z.string() }

export const QaRecordingReportedSchema = z.looseObject({
  TaskID: z.string(),
  Sign: z.string(),
  QADetail: z.array(
    z.looseObject({
      Recordingid: z.string(),
      Size: decimal().optional(),
      Length: decimal().optional(),
      Words: integer().optional(),
      AsrResults: z.array(z.looseObject({ ...span, Words: integer().optional() })).optional(),
      CheckPoint: z
        .array(
          z.looseObject({
            CheckPointType: z.string(),
            CheckPointResultsDetail: z
              .array(z.looseObject({ ...span, CheckPointVal: z.string() }))
              .optional(),
          }),
        )
        .optional(),
      Scores: z
        .array(
          z.looseObject({ CheckPointType: z.string(), Channel: idString().optional(), Score: z.string() }),
        )
        .optional(),
    }),
  ),
})

export type QaRecordingReported = z.output<typeof QaRecordingReportedSchema>

export const qaRecordingReported = defineEvent({
  type: 'qa.recording.reported',
  matches: { TaskID: 'string', Sign: 'string', QADetail: 'array' },
  schema: QaRecordingReportedSchema,
  signing: 'md5-sign',
  id: (payload) => `${payload.TaskID}/${payload.QADetail.map((detail) => detail.Recordingid).join(',')}`,
  docs: {
    push: 'QA recording report',
    id: '`TaskID` + every `QADetail[].Recordingid`',
  },
})
