// Placeholder: the garbage collector (pkg/controller/garbagecollector) lands here.
import type { ControllerContext } from '../../context.ts'

export class GarbageCollector {
  constructor(readonly ctx: ControllerContext) {}
}
