// grep as busybox has it (GNU's messages in GNU images), built without EXTRA_COMPAT:
// regcomp/regexec matching, -o's empty-match skipping, -w retries, context lines, exit 0/1/2.
// Upstream: busybox findutils/grep.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs, type Opts } from './util/args.ts'
import { appletName, Lines, openInput, readInput, textSource, type Source } from './util/io.ts'
import { parseUint } from './util/num.ts'
import { compileRegex, PosixRegex, type RegexMatch } from './util/regex.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { isGnu, progName } from './gnu/userland.ts'
import { walkFiles } from './util/walk.ts'

interface Pattern {
  text: string
  re?: PosixRegex
}

interface State {
  ctx: CommandContext
  o: Opts
  patterns: Pattern[]
  invert: boolean
  printName: boolean
  before: number
  after: number
  max: number
  fixed: boolean
  /** Context bookkeeping: the `--` separator between non-adjacent groups. */
  didPrint: boolean
  lastPrinted: number
}

class Quit {
  constructor(readonly code: number) {}
}

export function* grep(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const name = appletName(ctx)
  const p = parseArgs(ctx, { short: 'lnqvscFiHhe:f:LorRm:wxA:B:C:EaI', long: { 'color=?': 'color' }, errorCode: 2 })
  if (typeof p === 'number') return p
  const o = p.opts
  const nums: Record<string, number> = {}
  for (const k of ['m', 'A', 'B', 'C']) {
    const v = o.get(k)
    if (v === undefined) continue
    const n = parseUint(v)
    if (n === null) {
      ctx.stderr.write(`${name}: invalid number '${v}'\n`)
      return 2
    }
    nums[k] = n
  }
  const args = p.args
  let invert = o.has('v')
  const raw: string[] = []
  for (const e of o.all('e')) raw.push(...e.split('\n'))
  for (const f of o.all('f')) {
    const text = yield* readInput(ctx, f)
    if (typeof text !== 'string') {
      ctx.stderr.write(`${name}: ${f}: ${text.text}\n`)
      return 2
    }
    raw.push(...linesOf(text))
  }
  if (o.has('f') && !raw.length) {
    // GNU grep treats an empty -f file as matching nothing (busybox inverts a match-all).
    raw.push(o.has('x') ? '.*' : '')
    invert = !invert
  }
  if (!o.has('e') && !o.has('f')) {
    if (!args.length) return usageError(ctx, name, '', 2)
    raw.push(...args.shift()!.split('\n'))
  }
  const { before, after } = contextLines(o, nums)
  const quiet = o.has('c') || o.has('q') || o.has('l') || o.has('L')
  const st: State = {
    ctx,
    o,
    // busybox pushes each pattern onto the head of its list: the last is tried first.
    patterns: raw.reverse().map((text) => ({ text })),
    invert,
    printName: (args.length > 1 || o.has('H')) && !hLast(o),
    before: quiet ? 0 : before,
    after: quiet ? 0 : after,
    max: nums.m ?? -1,
    fixed: o.has('F') || name === 'fgrep',
    didPrint: false,
    lastPrinted: 0,
  }
  const extended = o.has('E') || name === 'egrep'
  let matched = false
  let openErrors = false
  const files = args.length ? args : ['-']
  try {
    for (const f of files) {
      if (f !== '-' && (o.has('r') || o.has('R')) && ctx.fs.lookup(f, ctx.cwd)?.type === 'dir') {
        if (!o.has('h')) st.printName = true
        for (const path of walkFiles(ctx.fs, f, ctx.cwd)) {
          const r = openInput(ctx, path)
          if (r.ok) matched = (yield* grepSource(st, r.source, path, extended)) || matched
        }
        continue
      }
      const r = openInput(ctx, f)
      // fopen() of a directory succeeds and reading it fails: busybox sees no lines.
      if (!r.ok && r.error.code === 'EISDIR') {
        matched = (yield* grepSource(st, textSource(''), f, extended)) || matched
        continue
      }
      if (!r.ok) {
        if (!o.has('s')) ctx.stderr.write(`${name}: ${f}: ${r.error.text}\n`)
        openErrors = true
        continue
      }
      matched = (yield* grepSource(st, r.source, f === '-' ? '(standard input)' : f, extended)) || matched
    }
  } catch (e) {
    if (e instanceof Quit) return e.code
    throw e
  }
  if (openErrors) return 2
  return matched ? 0 : 1
}

function linesOf(text: string): string[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** -H and -h: the one given last wins. */
function hLast(o: Opts): boolean {
  return o.order.lastIndexOf('h') > o.order.lastIndexOf('H')
}

/** -C sets both unless -A/-B come after it. */
function contextLines(o: Opts, nums: Record<string, number>): { before: number; after: number } {
  const c = o.order.lastIndexOf('C')
  const pick = (k: string) => (o.has(k) && o.order.lastIndexOf(k) > c ? nums[k] : c >= 0 ? nums.C : (nums[k] ?? 0))
  return { before: pick('B'), after: pick('A') }
}

interface LineMatch {
  found: boolean
  pattern?: Pattern
  m?: RegexMatch | null
}

function* grepSource(st: State, src: Source, file: string, extended: boolean): Generator<Wait, boolean, void> {
  const { ctx, o } = st
  const lines = new Lines(src)
  let linenum = 0
  let nmatches = 0
  let afterLeft = 0
  const beforeBuf: [string, number][] = []
  for (let l = yield* lines.next(); l; l = yield* lines.next()) {
    const line = l.text
    linenum++
    const lm = matchLine(st, line, extended)
    if (lm.found !== st.invert) {
      nmatches++
      if (o.has('q')) throw new Quit(0)
      if (o.has('l')) {
        ctx.stdout.write(file + '\n')
        return true
      }
      if (o.has('L')) return false
      if (o.has('m') && nmatches > st.max) break
      if (!o.has('c')) {
        for (const [text, n] of beforeBuf) printLine(st, file, text, n, '-')
        beforeBuf.length = 0
        afterLeft = st.after
        if (o.has('o')) printOnly(st, file, line, linenum, lm)
        else printLine(st, file, line, linenum, ':')
      }
    } else if (afterLeft) {
      printLine(st, file, line, linenum, '-')
      afterLeft--
    } else if (st.before) {
      beforeBuf.push([line, linenum])
      if (beforeBuf.length > st.before) beforeBuf.shift()
    }
    if (o.has('m') && !afterLeft && nmatches === st.max) break
  }
  if (o.has('c')) ctx.stdout.write((st.printName ? `${file}:` : '') + `${nmatches}\n`)
  if (o.has('L')) {
    ctx.stdout.write(file + '\n')
    return true
  }
  return nmatches !== 0
}

function matchLine(st: State, line: string, extended: boolean): LineMatch {
  const { o } = st
  for (const pat of st.patterns) {
    if (st.fixed) {
      if (fixedMatch(line, pat.text, o.has('i'), o.has('x'), o.has('w'))) return { found: true, pattern: pat }
      continue
    }
    const re = compile(st, pat, extended)
    let at = 0
    for (;;) {
      const m = re.exec(line, at, at > 0)
      if (!m) break
      if (o.has('x')) {
        if (m.start === 0 && m.end === line.length) return { found: true, pattern: pat, m }
        break
      }
      if (!o.has('w')) return { found: true, pattern: pat, m }
      if (!isWord(line[m.start - 1]) && !isWord(line[m.end])) return { found: true, pattern: pat, m }
      // Zero-length match makes -w give up on the line ("echo foo | grep -w ^").
      if (m.end === at) break
      at = m.end
    }
  }
  return { found: false }
}

function compile(st: State, pat: Pattern, extended: boolean): PosixRegex {
  if (pat.re) return pat.re
  const re = compileRegex(pat.text, { extended, icase: st.o.has('i') })
  if (!(re instanceof PosixRegex)) {
    // GNU grep names the trouble only; a pattern ending inside [ is "Invalid regular expression" to it.
    if (isGnu(st.ctx)) st.ctx.stderr.write(`${progName(st.ctx)}: ${/(^|[^\\])\[$/.test(pat.text) ? 'Invalid regular expression' : re.message}\n`)
    else st.ctx.stderr.write(`grep: bad regex '${pat.text}': ${re.message}\n`)
    throw new Quit(2)
  }
  return (pat.re = re)
}

function isWord(c: string | undefined): boolean {
  return c !== undefined && /[0-9A-Za-z_]/.test(c)
}

/** strstr/strcasestr (ASCII case folding, as in the C locale), with -x and -w. */
function fixedMatch(line: string, pat: string, icase: boolean, whole: boolean, word: boolean): boolean {
  const hay = icase ? asciiLower(line) : line
  const needle = icase ? asciiLower(pat) : pat
  let from = 0
  for (;;) {
    const i = hay.indexOf(needle, from)
    if (i < 0) return false
    if (whole) return i === 0 && needle.length === hay.length
    if (!word) return true
    if (!isWord(line[i - 1]) && !isWord(line[i + needle.length])) return true
    from = i + 1
  }
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase())
}

function printLine(st: State, file: string, text: string | null, linenum: number, deco: string): void {
  const { ctx, o } = st
  if ((st.before || st.after) && st.didPrint && st.lastPrinted !== linenum - 1) ctx.stdout.write('--\n')
  st.didPrint = true
  st.lastPrinted = linenum
  let out = ''
  if (st.printName) out += file + deco
  if (o.has('n')) out += linenum + deco
  // busybox emulates GNU's -ov: the prefixes, but neither the line nor its newline.
  if (!(o.has('v') && o.has('o')) && text !== null) out += text + '\n'
  ctx.stdout.write(out)
}

/** -o: every non-empty match of the pattern that matched, searching on after each. */
function printOnly(st: State, file: string, line: string, linenum: number, lm: LineMatch): void {
  if (st.fixed) {
    if (lm.found) printLine(st, file, lm.pattern!.text, linenum, ':')
    return
  }
  let m = lm.m
  if (!m) return
  for (;;) {
    if (m.end > m.start) printLine(st, file, line.slice(m.start, m.end), linenum, ':')
    if (m.end >= line.length) return
    const next = m.end > m.start ? m.end : m.end + 1
    m = lm.pattern!.re!.exec(line, next, true)
    if (!m) return
  }
}
