// Output of producers that may never stop on their own (yes, seq 1 1e18): written
// in pipe-sized blocks with the rest of the pipeline running between blocks, and
// bounded: past a cap the writer blocks for good, as on a full pipe nobody drains.
import type { CommandContext, Wait } from '../../api.ts'

const BLOCK = 4096
/** Virtual CPU time one block costs (ms). */
const BLOCK_COST_MS = 0.05
const CAP = 64 * 1024 * 1024

export class Pacer {
  private buf = ''
  private total = 0

  constructor(private ctx: CommandContext) {}

  *write(s: string): Generator<Wait, void, void> {
    this.buf += s
    if (this.buf.length >= BLOCK) yield* this.flush()
  }

  *flush(): Generator<Wait, void, void> {
    if (!this.buf) return
    this.ctx.stdout.write(this.buf)
    this.total += this.buf.length
    this.buf = ''
    if (this.total >= CAP) for (;;) yield { until: Infinity }
    yield { until: this.ctx.host.now() + BLOCK_COST_MS }
  }
}
