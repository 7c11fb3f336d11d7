// Tab completion for the terminal: kubectl verbs, resource types, object names
// (pods for logs, the named type otherwise), file names after -f, and commands.
import { RESOURCES } from '../engine/api/resources.ts'
import type { Session } from '../session/index.ts'
import { VERBS } from '../kubectl/index.ts'

const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'wait'])
const COMMANDS = ['kubectl', 'cat', 'clear', 'echo', 'grep', 'history', 'jq', 'ls', 'sleep', 'watch', 'timeout', 'date']

export interface Completion {
  items: string[]
  /** Where in the line the completed word starts. */
  replaceFrom: number
}

export function complete(session: Session, line: string): Completion {
  const m = /(\S*)$/.exec(line)!
  const word = m[1]
  const from = line.length - word.length
  const words = line.slice(0, from).trim().split(/\s+/).filter(Boolean)
  const pick = (all: Iterable<string>) => ({ items: [...new Set(all)].filter((s) => s.startsWith(word)).sort(), replaceFrom: from })
  if (!words.length) return pick(COMMANDS)
  const prev = words[words.length - 1]
  if (prev === '-f' || prev === '--filename' || !['kubectl', 'k'].includes(words[0])) return files(session, word, from)
  const args = words.slice(1).filter((w) => !w.startsWith('-'))
  if (!args.length) return pick(VERBS.map((v) => v.name))
  const verb = args[0]
  if (verb === 'logs') return pick(names(session, 'Pod'))
  if (!TYPED_VERBS.has(verb)) return { items: [], replaceFrom: from }
  if (args.length === 1) return pick(RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]))
  const r = RESOURCES.find((x) => [x.resource, x.singular, ...x.shortNames].includes(args[1].toLowerCase()))
  return r ? pick(names(session, r.kind)) : { items: [], replaceFrom: from }
}

function names(session: Session, kind: string): string[] {
  return session.cluster.store.list(kind, kind === 'Node' || kind === 'Namespace' ? undefined : 'default').map((o) => o.metadata.name)
}

function files(session: Session, word: string, from: number): Completion {
  const slash = word.lastIndexOf('/')
  const dir = slash >= 0 ? word.slice(0, slash + 1) : ''
  try {
    const entries = session.fs.readdir(dir || '.', session.shell.cwd)
    const base = word.slice(dir.length)
    return { items: entries.filter((e) => e.startsWith(base) && !e.startsWith('.')).map((e) => dir + e), replaceFrom: from }
  } catch {
    return { items: [], replaceFrom: from }
  }
}
