// Runs every transcript (src/**/testdata/*.txtar, lessons/**/check*.txtar) in a
// fresh terminal session and compares what it printed with the expectations.
// UPDATE_TRANSCRIPTS=1 rewrites the expectations in place (review with git diff).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Session } from '../session/index.ts'
import { describeMismatches, rewriteTranscript, runTranscript } from './transcript.ts'

const ROOT = join(import.meta.dirname, '..', '..')

function find(dir: string, match: (path: string) => boolean): string[] {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    return []
  }
  return names.flatMap((n) => {
    const p = join(dir, n)
    if (n === 'node_modules' || n.startsWith('.')) return []
    if (statSync(p).isDirectory()) return find(p, match)
    return match(p) ? [p] : []
  })
}

const transcripts = [
  ...find(join(ROOT, 'src'), (p) => /[/\\]testdata[/\\][^/\\]+\.txtar$/.test(p)),
  ...find(join(ROOT, 'lessons'), (p) => /[/\\]check[^/\\]*\.txtar$/.test(p)),
]

const update = process.env.UPDATE_TRANSCRIPTS === '1'

describe('transcripts', () => {
  it('finds the transcripts', () => {
    expect(transcripts.length).toBeGreaterThan(0)
  })

  for (const file of transcripts) {
    const name = relative(ROOT, file)
    it(name, () => {
      const text = readFileSync(file, 'utf8')
      const run = runTranscript(text, (o) => new Session({ seed: o.seed, start: o.start, files: o.files }))
      if (update) {
        const next = rewriteTranscript(run)
        if (next !== text) writeFileSync(file, next)
        return
      }
      if (!run.ok) throw new Error(`${name}: output differs (- expected, + actual; UPDATE_TRANSCRIPTS=1 rewrites)\n\n${describeMismatches(run, name)}`)
    })
  }
})
