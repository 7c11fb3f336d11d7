// Placeholder: the TTL-after-finished controller lands here.
import type { ControllerContext } from '../context.ts'

export class TtlAfterFinishedController {
  constructor(readonly ctx: ControllerContext) {}
}
