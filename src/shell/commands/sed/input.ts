// sed's input: the named files read as one stream with one line of lookahead (to know
// `$`), and the messages busybox and GNU sed give for files they cannot read.
// Upstream: busybox editors/sed.c (get_next_line); GNU sed execute.c (read_pattern_space).
import type { CommandContext, Wait } from '../../api.ts'
import { isGnu, progName } from '../gnu/userland.ts'
import { Lines, openInput, type Source } from '../util/io.ts'

export interface Line {
  text: string
  nl: boolean
}

export class Input {
  private k = -1
  private lines: Lines | null = null
  private ahead: Line | null | undefined = undefined
  linenum = 0
  errors = 0
  /** GNU's exit status for unreadable input (2 missing, 4 a read error). */
  gnuStatus = 0

  constructor(
    private readonly ctx: CommandContext,
    private readonly files: string[],
  ) {}

  private *raw(): Generator<Wait, Line | null, void> {
    for (;;) {
      if (this.lines) {
        const l = yield* this.lines.next()
        if (l) return l
      }
      if (++this.k >= this.files.length) return null
      const f = this.files[this.k]
      const r = openInput(this.ctx, f)
      if (!r.ok) {
        if (!isGnu(this.ctx)) this.ctx.stderr.write(`sed: ${f}: ${r.error.text}\n`)
        // GNU: a missing file is status 2, a directory (read error) 4.
        else if (r.error.code === 'EISDIR') {
          this.ctx.stderr.write(`${progName(this.ctx)}: read error on ${f}: Is a directory\n`)
          this.gnuStatus = 4
        } else {
          this.ctx.stderr.write(`${progName(this.ctx)}: can't read ${f}: ${r.error.text}\n`)
          this.gnuStatus = Math.max(this.gnuStatus, 2)
        }
        this.errors++
        this.lines = null
        continue
      }
      this.lines = new Lines(r.source as Source)
    }
  }

  *next(): Generator<Wait, Line | null, void> {
    if (this.ahead === undefined) this.ahead = yield* this.raw()
    const cur = this.ahead
    if (cur) {
      this.linenum++
      this.ahead = yield* this.raw()
    }
    return cur
  }

  /** True when the line just returned is the last one. */
  isLast(): boolean {
    return this.ahead === null
  }
}
