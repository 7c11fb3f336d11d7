// Placeholder: the kubelet for one node lands here.
import type { ControllerContext } from '../context.ts'

export class Kubelet {
  constructor(
    readonly ctx: ControllerContext,
    readonly nodeName: string,
  ) {}
}
