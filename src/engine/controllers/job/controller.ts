// Placeholder: the Job controller (pkg/controller/job/job_controller.go) lands here.
import type { ControllerContext } from '../../context.ts'

export class JobController {
  constructor(readonly ctx: ControllerContext) {}
}
