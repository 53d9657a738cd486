/**
 * @module
 * `qa.recording.reported` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/qa-recording-reported.json`),
 * kept as a module so the test kit reads no files.
 */

export const qaRecordingReportedSample = {
  TaskID: '0eb6512129694be4a31440321ee7ee9f',
  Sign: '394e3948300f19f64fc42915bd6cf1d6',
  QADetail: [
    {
      Recordingid: 'rec-0001',
      Size: '1.2',
      Length: '42',
      Words: '10',
      AsrResults: [
        {
          Channel: '1',
          Begin: '500',
          End: '2500',
          Sentence: 'hello, good morning',
          Words: '3',
        },
      ],
      CheckPoint: [
        {
          CheckPointType: 'SOP',
          CheckPointResultsDetail: [
            {
              CheckPointVal: 'Greeting',
              Channel: '1',
              Begin: '500',
              End: '2500',
              Sentence: 'hello, good morning',
            },
          ],
        },
      ],
      Scores: [
        {
          CheckPointType: 'SOP',
          Channel: '1',
          Score: '1/2',
        },
      ],
    },
  ],
}
