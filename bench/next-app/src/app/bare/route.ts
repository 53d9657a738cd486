/** The bare Next.js route: read the body, JSON.parse it, answer `{}`. */
export async function POST(request: Request) {
  JSON.parse(await request.text())
  return Response.json({})
}
