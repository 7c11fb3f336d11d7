// busybox diff: two files compared line by line, the differences in unified format
// only ("--- FILE1", "+++ FILE2", hunks of -U lines of context, 3 by default; no
// timestamps); -q says only "Files A and B differ", -s also when they are the same;
// files with a NUL byte are "Files A and B differ" unless -a; -i, -b, -w ignore case
// and blanks; -N takes a missing file as empty; -L labels; -t/-T for tabs. A file and
// a directory compare the file with its namesake in the directory. Status 0 same,
// 1 different, 2 trouble. Upstream: busybox editors/diff.c (diff_main, diffreg, diff,
// fetch); the line matching is in stone.ts.
import type { CommandContext, Wait } from '../../api.ts'
import { parseArgs } from '../util/args.ts'
import { openInput, readSource } from '../util/io.ts'
import { parseUint } from '../util/num.ts'
import { usageError, wantsHelp } from '../util/usage.ts'
import { matchLines } from './stone.ts'

interface Line {
  /** As it is in the file, newline included when there is one. */
  raw: string
  key: string
}

const EOF_MARK = '\u01ff'
const SPACE = /[ \t\n\v\f\r\u01ff]/

/** Split into lines and compare keys as busybox's read_token sees them (-i, -b, -w). */
function lines(text: string, o: { i: boolean; b: boolean; w: boolean }): Line[] {
  const out: Line[] = []
  let at = 0
  while (at < text.length) {
    const nl = text.indexOf('\n', at)
    const raw = nl < 0 ? text.slice(at) : text.slice(at, nl + 1)
    at = nl < 0 ? text.length : nl + 1
    // A last line without a newline ends in EOF, which compares as a blank.
    let key = ''
    let spaced = false
    for (let c of nl < 0 ? raw + EOF_MARK : raw) {
      const space = SPACE.test(c)
      if (o.i && c >= 'A' && c <= 'Z') c = c.toLowerCase()
      if (o.w && space) continue
      if (o.b) {
        if (spaced && space) continue
        spaced = space
        if (space) c = ' '
      }
      key += c
    }
    out.push({ raw, key })
  }
  return out
}

export function* diff(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, {
    short: 'abdiL:NqrsS:tTU:wupBE',
    long: { text: 'a', 'ignore-space-change': 'b', 'ignore-case': 'i', label: 'L', 'new-file': 'N', brief: 'q', 'report-identical-files': 's', 'expand-tabs': 't', 'initial-tab': 'T', unified: 'U', 'ignore-all-space': 'w', minimal: 'd' },
  })
  if (typeof p === 'number') return p
  const o = p.opts
  // -U is read (getopt32's "+") before the operands are counted.
  const context = o.has('U') ? parseUint(o.get('U')!) : 3
  if (context === null) {
    ctx.stderr.write(`diff: invalid number '${o.get('U')}'\n`)
    return 1
  }
  if (p.args.length !== 2) return usageError(ctx, 'diff', '')
  const labels = o.all('L')
  const files = [...p.args]
  const nodes = files.map((f) => (f === '-' ? undefined : ctx.fs.lookup(f, ctx.cwd)))
  for (let i = 0; i < 2; i++) {
    if (files[i] === '-' || nodes[i] || o.has('N')) continue
    ctx.stderr.write(`diff: can't stat '${files[i]}': No such file or directory\n`)
    return 2
  }
  const isDir = nodes.map((n) => n?.type === 'dir')
  if (files.includes('-') && (isDir[0] || isDir[1])) {
    ctx.stderr.write("diff: can't compare stdin to a directory\n")
    return 1
  }
  if (isDir[0] && isDir[1]) {
    ctx.stderr.write('diff: batchlab does not simulate comparing directories; compare the files one by one\n')
    return 2
  }
  if (isDir[0] || isDir[1]) {
    const d = isDir[1] ? 1 : 0
    const other = files[1 - d]
    files[d] = files[d].replace(/\/+$/, '') + '/' + other.slice(other.lastIndexOf('/') + 1)
    if (!ctx.fs.lookup(files[d], ctx.cwd)) {
      ctx.stderr.write(`diff: can't stat '${files[d]}': No such file or directory\n`)
      return 2
    }
  }
  // The same file twice (or stdin twice) is the same, unread.
  if ((files[0] === '-' && files[1] === '-') || (nodes[0] && !isDir[0] && nodes[0] === nodes[1])) return 0
  const texts: string[] = []
  for (const f of files) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      if (o.has('N') && r.error.code === 'ENOENT') {
        texts.push('')
        continue
      }
      ctx.stderr.write(`diff: ${f}: ${r.error.text}\n`)
      return 1
    }
    texts.push(yield* readSource(r.source))
  }
  const [t0, t1] = texts
  const common = Math.min(t0.length, t1.length)
  const binary = t0.slice(0, common).includes('\0') || t1.slice(0, common).includes('\0')
  if (t0 === t1) {
    if (o.has('s')) ctx.stdout.write(`Files ${files[0]} and ${files[1]} are identical\n`)
    return 0
  }
  if (binary && !o.has('a')) {
    ctx.stdout.write(`Files ${files[0]} and ${files[1]} differ\n`)
    return 1
  }
  const flags = { i: o.has('i'), b: o.has('b'), w: o.has('w') }
  const L = [lines(t0, flags), lines(t1, flags)]
  const out = unified(L, matchLines(L[0].map((l) => l.key), L[1].map((l) => l.key), o.has('d')), context, o.has('q'), {
    head: `--- ${labels[0] ?? files[0]}\n+++ ${labels[1] ?? files[1]}\n`,
    tabs: o.has('t'),
    initialTab: o.has('T'),
  })
  if (out === null) {
    if (o.has('s')) ctx.stdout.write(`Files ${files[0]} and ${files[1]} are identical\n`)
    return 0
  }
  ctx.stdout.write(o.has('q') ? `Files ${files[0]} and ${files[1]} differ\n` : out)
  return 1
}

interface Change {
  a: [number, number]
  b: [number, number]
}

/** The hunks from J, as busybox's diff() groups and prints them; null when no line differs. */
function unified(L: Line[][], J: number[], context: number, quiet: boolean, fmt: { head: string; tabs: boolean; initialTab: boolean }): string | null {
  const n = [L[0].length, L[1].length]
  let out = ''
  let any = false
  let i = 1
  const fetch = (f: number, from: number, to: number, mark: string) => {
    for (let k = from; k <= to; k++) {
      const raw = L[f][k - 1].raw
      let text = raw
      if (fmt.tabs) {
        text = ''
        let col = 0
        for (const c of raw) {
          if (c === '\t') {
            do {
              text += ' '
              col++
            } while (col & 7)
          } else {
            text += c
            col++
          }
        }
      }
      out += mark + (fmt.initialTab ? '\t' : '') + text
      if (!raw.endsWith('\n')) {
        out += '\n\\ No newline at end of file\n'
        return
      }
    }
  }
  do {
    const vec: Change[] = []
    for (;;) {
      let a0 = i
      while (a0 <= n[0] && J[a0] === J[a0 - 1] + 1) a0++
      const a1 = J[a0 - 1] + 1
      let b0 = a0 - 1
      while (b0 < n[0] && !J[b0 + 1]) b0++
      const b1 = J[b0 + 1] - 1
      if (a0 <= b0 || a1 <= b1) {
        const last = vec[vec.length - 1]
        // Changes further apart than twice the context make separate hunks.
        if (last && a0 > last.a[1] + 2 * context + 1 && a1 > last.b[1] + 2 * context + 1) break
        vec.push({ a: [a0, b0], b: [a1, b1] })
      }
      i = b0 + 1
      if (i > n[0]) break
      J[b0] = b1
    }
    if (!vec.length) continue
    if (!quiet) {
      if (!any) out += fmt.head
      const last = vec[vec.length - 1]
      const span = [0, 1].map((f) => {
        const lo = Math.max(1, (f ? vec[0].b : vec[0].a)[0] - context)
        const hi = Math.min(n[f], (f ? last.b : last.a)[1] + context)
        return [lo, hi]
      })
      out += '@@'
      span.forEach(([lo, hi], f) => {
        out += ` ${f ? '+' : '-'}${Math.min(lo, hi)}`
        if (lo !== hi) out += `,${lo < hi ? hi - lo + 1 : 0}`
      })
      out += ' @@\n'
      let low = span[0][0]
      for (let c = 0; ; c++) {
        const end = c >= vec.length
        fetch(0, low, end ? span[0][1] : vec[c].a[0] - 1, ' ')
        if (end) break
        fetch(0, vec[c].a[0], vec[c].a[1], '-')
        fetch(1, vec[c].b[0], vec[c].b[1], '+')
        low = vec[c].a[1] + 1
      }
    }
    any = true
  } while (i <= n[0])
  return any ? out : null
}
