// Reads a lesson folder (given as a map of file name to text, so the browser build,
// the CLI and the tests share it) into a Lesson. The format is documented in the
// README under "Writing a lesson".
import { parse as parseYaml } from 'yaml'
import type { CheckSpec, Lang, Lesson, LessonStep, Localized } from './types.ts'

interface LessonYaml {
  id: string
  order: number
  title: Localized
  summary: Localized
  start?: string
  seed?: number
  files?: string[]
  exercise?: boolean
  steps?: { id: string; checks?: string[] }[]
  checks?: CheckSpec[]
}

export class LessonError extends Error {}

export function parseLesson(files: Record<string, string>): Lesson {
  const meta = parseYaml(need(files, 'lesson.yaml')) as LessonYaml
  if (!meta?.id) throw new LessonError('lesson.yaml: id is required')
  const docs = { ko: splitSteps(need(files, 'ko.md')), en: splitSteps(need(files, 'en.md')) }
  const stepMeta = meta.steps ?? []
  if (docs.ko.steps.length !== docs.en.steps.length)
    throw new LessonError(`${meta.id}: ko.md has ${docs.ko.steps.length} steps, en.md ${docs.en.steps.length}`)
  const steps: LessonStep[] = docs.en.steps.map((s, i) => {
    const id = s.id ?? docs.ko.steps[i].id ?? stepMeta[i]?.id ?? `step-${i + 1}`
    const m = stepMeta.find((x) => x.id === id) ?? stepMeta[i]
    return {
      id,
      title: { ko: docs.ko.steps[i].title, en: s.title },
      body: { ko: docs.ko.steps[i].body, en: s.body },
      checks: m?.checks ?? [],
    }
  })
  const checks = meta.checks ?? []
  for (const s of steps)
    for (const c of s.checks) if (!checks.some((k) => k.id === c)) throw new LessonError(`${meta.id}: step ${s.id} names unknown check ${c}`)
  return {
    id: meta.id,
    order: meta.order,
    title: meta.title,
    summary: meta.summary,
    start: meta.start ?? '2026-01-01T00:00:00Z',
    seed: meta.seed ?? 1,
    files: (meta.files ?? []).map((name) => ({ name, content: need(files, name) })),
    steps,
    checks,
    intro: { ko: docs.ko.intro, en: docs.en.intro },
    solution: files['solution.txtar'],
    attempts: Object.entries(files)
      .filter(([n]) => /^attempt-.+\.txtar$/.test(n))
      .map(([name, text]) => ({ name, text })),
    exercise: meta.exercise,
  }
}

function need(files: Record<string, string>, name: string): string {
  const f = files[name]
  if (f === undefined) throw new LessonError(`missing file ${name}`)
  return f
}

interface SplitDoc {
  intro: string
  steps: { id?: string; title: string; body: string }[]
}

/** Intro before the first `## ` heading; one step per `## Title {#id}` section. */
function splitSteps(md: string): SplitDoc {
  const lines = md.replace(/\r\n/g, '\n').split('\n')
  const doc: SplitDoc = { intro: '', steps: [] }
  let cur: string[] = []
  let inFence = false
  const flush = () => {
    const text = cur.join('\n').trim()
    if (doc.steps.length) doc.steps[doc.steps.length - 1].body = text
    else doc.intro = text
    cur = []
  }
  for (const line of lines) {
    if (/^```/.test(line)) inFence = !inFence
    const h = !inFence && /^## (.+?)(?:\s+\{#([\w-]+)\})?\s*$/.exec(line)
    if (h) {
      flush()
      doc.steps.push({ title: h[1], id: h[2], body: '' })
    } else cur.push(line)
  }
  flush()
  return doc
}

export function localized(l: Localized, lang: Lang): string {
  return l[lang] ?? l.en
}
