// Placeholder: the CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go) lands here.
import type { ControllerContext } from '../../context.ts'

export class CronJobController {
  constructor(readonly ctx: ControllerContext) {}
}
