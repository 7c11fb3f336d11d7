// kubectl logs (being built).
import type { Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { LOGS_FLAGS, LOGS_HELP } from './logs-flags.ts'

export const logsVerb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: LOGS_FLAGS,
  help: LOGS_HELP,
  run() {
    throw new KubectlError('kubectl logs is not ready yet')
  },
}
