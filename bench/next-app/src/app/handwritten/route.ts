/** The hand-written Next.js route: signature and schema checked by hand, then `{}`. */
import { handwrittenStatus } from '../../../../src/handwritten-route'

export async function POST(request: Request) {
  const status = handwrittenStatus(await request.text(), request.headers.get('x-airudder-sign'))
  return Response.json({}, { status })
}
