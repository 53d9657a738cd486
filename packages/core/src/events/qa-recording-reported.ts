/**
 * @module
 * `qa.recording.reported`: QA recording report. Known from partial docs; numbers arrive as
 * strings (`"42"`) and are normalised like every other numeric field.
 */
import { z } from 'zod'
import { decimal, idString, integer, optional, text } from '../schema/drift'
import { defineEvent } from './define-event'

const optionalText = optional(text())
const span = {
  Channel: optional(idString()),
  Begin: optional(integer()),
  End: optional(integer()),
  Sentence: optionalText,
}

/** Known from partial docs: `TaskID`, `Sign` and each recording's `Recordingid` (the id) are required. */
export const QaRecordingReportedSchema = z.looseObject({
  TaskID: idString(),
  Sign: text(),
  QADetail: z.array(
    z.looseObject({
      Recordingid: idString(),
      Size: optional(decimal()),
      Length: optional(decimal()),
      Words: optional(integer()),
      AsrResults: optional(z.array(z.looseObject({ ...span, Words: optional(integer()) }))),
      CheckPoint: optional(
        z.array(
          z.looseObject({
            CheckPointType: optionalText,
            CheckPointResultsDetail: optional(
              z.array(z.looseObject({ ...span, CheckPointVal: optionalText })),
            ),
          }),
        ),
      ),
      Scores: optional(
        z.array(
          z.looseObject({ CheckPointType: optionalText, Channel: optional(idString()), Score: optionalText }),
        ),
      ),
    }),
  ),
})

export type QaRecordingReported = z.output<typeof QaRecordingReportedSchema>

export const qaRecordingReported = defineEvent({
  type: 'qa.recording.reported',
  matches: { TaskID: 'id', Sign: 'string', QADetail: 'array' },
  signing: 'md5-sign',
  schema: QaRecordingReportedSchema,
  id: (payload) => `${payload.TaskID}/${payload.QADetail.map((detail) => detail.Recordingid).join(',')}`,
  docs: {
    push: 'QA recording report',
    id: '`TaskID` + every `QADetail[].Recordingid`',
  },
})
