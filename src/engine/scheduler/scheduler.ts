// Placeholder: the scheduler lands here.
import type { ControllerContext } from '../context.ts'

export class Scheduler {
  constructor(readonly ctx: ControllerContext) {}
}
