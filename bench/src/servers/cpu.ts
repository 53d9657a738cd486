/**
 * The server's own CPU time so far, in µs, for `GET /cpu`: the bench reads it around each drive
 * for the CPU cost per request, which a busy machine moves far less than requests per second.
 */
export function cpuMicros(): { micros: number } {
  const { user, system } = process.cpuUsage()
  return { micros: user + system }
}
