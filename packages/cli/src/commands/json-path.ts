/**
 * @module
 * A zod issue path as a JSONPath: `['Details', 0, 'Status']` is `$.Details[0].Status`.
 */

export function jsonPath(path: readonly PropertyKey[]): string {
  let text = '$'
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`
    else text += `[${JSON.stringify(String(segment))}]`
  }
  return text
}
