// The simulation worker: owns the cluster and the terminal; the page talks to it
// through messages (protocol.ts). Any failure is reported, and the page rebuilds
// the lab in a fresh worker from the input log.
import type { FromWorker, ToWorker } from './protocol.ts'
import { LabRuntime } from './runtime.ts'

const post = (m: FromWorker) => postMessage(m)
const runtime = new LabRuntime(post, { now: () => performance.now(), later: (fn, ms) => setTimeout(fn, ms) })

onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    runtime.handle(e.data)
  } catch (err) {
    console.error(err)
    post({ type: 'fatal', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) })
  }
}
