// Parsed scripts cached by their text, so a container command run every minute
// (or a trap run in a loop) is parsed once. Bounded: the oldest entries go first.
import type { Script } from './ast.ts'
import { parseScript } from './parser.ts'

const MAX_ENTRIES = 500
const ashCache = new Map<string, Script>()
const bashCache = new Map<string, Script>()

export function parseCached(text: string, firstLine = 1, bash = false): Script {
  const cache = bash ? bashCache : ashCache
  const key = firstLine === 1 ? text : firstLine + '\0' + text
  const hit = cache.get(key)
  if (hit) return hit
  const script = parseScript(text, firstLine, bash)
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
  cache.set(key, script)
  return script
}
