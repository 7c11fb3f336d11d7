// The sample outputs in a lesson's text (untagged ``` blocks in en.md/ko.md) against
// what its transcripts recorded: a block is true when its lines appear, in order,
// in one command's output, so a student sees in the lab what the text shows.
import { parseTranscript } from '../testing/transcript.ts'

/** A plain ``` block of a lesson text: a sample output. */
export interface OutputBlock {
  /** 1-based line of the opening fence. */
  line: number
  lines: string[]
}

/** One command's recorded output, stdout and stderr lines in the order printed. */
export interface RecordedOutput {
  file: string
  /** 1-based line of the `$ ` line. */
  line: number
  cmd: string
  lines: string[]
}

/** Where a block stops matching: the command that matched the most of it. */
export interface BlockMismatch {
  block: OutputBlock
  /** The first line of the block no command's output has after the lines before it. */
  missing: string
  closest?: RecordedOutput
}

const FENCE = /^```(\S*)\s*$/
const EXCERPT = /^(\.\.\.|…)$/

/**
 * The untagged fenced blocks of a Markdown text. Tagged blocks (```sh, ```yaml,
 * ```text) are commands, manifests and diagrams, not outputs.
 */
export function outputBlocks(md: string): OutputBlock[] {
  const blocks: OutputBlock[] = []
  let open: { tag: string; line: number; lines: string[] } | undefined
  md.replace(/\r\n/g, '\n').split('\n').forEach((l, i) => {
    const fence = FENCE.exec(l)
    if (!open) {
      if (fence) open = { tag: fence[1], line: i + 1, lines: [] }
    } else if (l.trimEnd() === '```') {
      if (open.tag === '') blocks.push({ line: open.line, lines: open.lines })
      open = undefined
    } else open.lines.push(l)
  })
  return blocks
}

/** Every command's output in a transcript, with the `! `/`| ` markup taken off. */
export function recordedOutputs(file: string, text: string): RecordedOutput[] {
  const t = parseTranscript(text)
  return t.steps
    .filter((s) => !s.comment)
    .map((s) => ({
      file,
      line: s.line,
      cmd: s.cmd,
      lines: t.lines
        .slice(s.from, s.to)
        .filter((l) => l !== '\\ no newline' && !/^\? \d+$/.test(l))
        .map((l) => (l === '!' ? '' : l.startsWith('! ') || l.startsWith('| ') ? l.slice(2) : l)),
    }))
}

/** The block's lines that must be shown: no blank lines, no `...` excerpt markers. */
function shownLines(block: OutputBlock): string[] {
  return block.lines.map((l) => l.trimEnd()).filter((l) => l !== '' && !EXCERPT.test(l.trim()))
}

/** How many of `want` appear in order in `have` (trailing blanks ignored on both sides). */
function matchedPrefix(want: string[], have: string[]): number {
  let n = 0
  for (const h of have) if (n < want.length && h.trimEnd() === want[n]) n++
  return n
}

/** The block's mismatch against the outputs, or undefined when one output holds it. */
export function checkBlock(block: OutputBlock, outputs: RecordedOutput[]): BlockMismatch | undefined {
  const want = shownLines(block)
  if (!want.length) return undefined
  let best = -1
  let closest: RecordedOutput | undefined
  for (const o of outputs) {
    const n = matchedPrefix(want, o.lines)
    if (n === want.length) return undefined
    if (n > best) {
      best = n
      closest = o
    }
  }
  return { block, missing: want[Math.max(best, 0)], closest: best > 0 ? closest : undefined }
}

/** One line per mismatch, naming the block, the line and the closest command. */
export function describeMismatch(file: string, m: BlockMismatch): string {
  const where = m.closest ? `; closest: \`${m.closest.cmd.split('\n')[0]}\` (${m.closest.file}:${m.closest.line})` : ''
  return `${file}:${m.block.line}: ${JSON.stringify(m.missing)} is not in any command's recorded output${where}`
}

/** Every mismatch between a lesson's texts (by language) and its transcripts (by file name). */
export function lessonTextProblems(id: string, texts: Record<string, string>, transcripts: Record<string, string>): string[] {
  const outputs = Object.keys(transcripts)
    .sort()
    .flatMap((f) => recordedOutputs(f, transcripts[f]))
  return Object.entries(texts).flatMap(([lang, md]) =>
    outputBlocks(md).flatMap((b) => {
      const m = checkBlock(b, outputs)
      return m ? [describeMismatch(`lessons/${id}/${lang}.md`, m)] : []
    }),
  )
}
