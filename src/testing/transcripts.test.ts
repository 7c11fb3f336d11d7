// Runs every transcript (src/**/testdata/*.txtar, lessons/**/check*.txtar) in a
// fresh terminal session and compares what it printed with the expectations.
// UPDATE_TRANSCRIPTS=1 rewrites the expectations in place (review with git diff);
// UPDATE_TRANSCRIPTS=src/kubectl/testdata/apply,seed- rewrites only the files
// whose path contains one of the comma-separated parts, and checks the others.
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

const updateSpec = process.env.UPDATE_TRANSCRIPTS ?? ''
const updateParts = updateSpec === '1' ? [''] : updateSpec.split(',').filter(Boolean)
const shouldUpdate = (name: string) => updateParts.some((p) => name.includes(p))

describe('transcripts', () => {
  it('finds the transcripts', () => {
    expect(transcripts.length).toBeGreaterThan(0)
  })

  for (const file of transcripts) {
    const name = relative(ROOT, file)
    it(name, () => {
      const text = readFileSync(file, 'utf8')
      const run = runTranscript(text, (o) => new Session({ seed: o.seed, start: o.start, files: o.files }))
      if (shouldUpdate(name)) {
        // Never record a simulator bug as the expected output.
        const bug = run.results.find((r) => /internal error/.test(r.actual.stderr))
        if (bug) throw new Error(`${name}:${bug.step.line}: not rewritten: the command hit an internal error:\n${bug.actual.stderr}`)
        const next = rewriteTranscript(run)
        if (next !== text) writeFileSync(file, next)
        return
      }
      if (!run.ok) throw new Error(`${name}: output differs (- expected, + actual; UPDATE_TRANSCRIPTS=1 rewrites)\n\n${describeMismatches(run, name)}`)
    })
  }
})
