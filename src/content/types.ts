// A lesson, as the files in lessons/<id>/ describe it (see README, "Writing a lesson").

export type Lang = 'ko' | 'en'
export type Localized = Record<Lang, string>

export interface LessonStep {
  id: string
  /** Step heading, from the markdown. */
  title: Localized
  /** Markdown body of the step. */
  body: Localized
  /** Checks that mark this step done. */
  checks: string[]
}

export interface Lesson {
  id: string
  order: number
  title: Localized
  summary: Localized
  /** Virtual start time and seed of the lab. */
  start: string
  seed: number
  /** Editor tabs: manifests placed in the terminal's home directory. */
  files: { name: string; content: string }[]
  steps: LessonStep[]
  checks: CheckSpec[]
  /** Markdown before the first step. */
  intro: Localized
  /** The reference solution transcript (solution.txtar), replayed in CI: every check must pass. */
  solution?: string
  /** Wrong attempts (attempt-*.txtar): each must fail the checks its header names, with that reason. */
  attempts: { name: string; text: string }[]
  exercise?: boolean
}

/** A check: a predicate over what happened, with texts for the student. */
export interface CheckSpec {
  id: string
  title: Localized
  /** Predicate name and arguments, see src/content/checks.ts. */
  expect: Record<string, unknown>
  hints?: Partial<Record<string, Localized>>
}
