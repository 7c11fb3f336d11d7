// Drives a shell process (a container's command or a terminal line) on the
// virtual clock: resume it, and when it yields `until`, resume it again then.
// A wake-up (signal, watch event) resumes it at the current time instead.
import type { Proc, Signal } from '../../shell/api.ts'
import type { Kernel, Timer } from './kernel.ts'

export class ProcessHandle {
  private timer: Timer | null = null
  private timerAt = Infinity
  private running = false
  private wokenDuringRun = false
  alive = true

  constructor(
    private kernel: Kernel,
    private proc: Proc,
    private onExit: (code: number) => void,
  ) {}

  /** Start (or continue) the process at the current virtual time. */
  start(): this {
    this.schedule(this.kernel.now())
    return this
  }

  wake(): void {
    if (!this.alive) return
    if (this.running) {
      this.wokenDuringRun = true
      return
    }
    this.schedule(this.kernel.now())
  }

  signal(sig: Signal): void {
    if (!this.alive) return
    this.proc.signal(sig)
    this.wake()
  }

  /** Stop the process for good (SIGKILL, node gone); onExit is not called. */
  kill(): void {
    this.alive = false
    this.kernel.cancel(this.timer)
    this.timer = null
  }

  private schedule(at: number): void {
    if (this.timer && this.timerAt <= at) return
    this.kernel.cancel(this.timer)
    this.timerAt = at
    this.timer = this.kernel.at(at, () => {
      this.timer = null
      this.timerAt = Infinity
      this.run()
    })
  }

  private run(): void {
    if (!this.alive) return
    this.running = true
    this.wokenDuringRun = false
    let y
    try {
      y = this.proc.resume()
    } finally {
      this.running = false
    }
    if (y.done) {
      this.alive = false
      this.onExit(y.code)
      return
    }
    if (this.wokenDuringRun) this.schedule(this.kernel.now())
    else if (y.until !== Infinity) this.schedule(y.until)
  }
}
