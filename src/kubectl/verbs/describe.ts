// kubectl describe (being built).
import type { Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { DESCRIBE_FLAGS, DESCRIBE_HELP } from './describe-flags.ts'

export const describeVerb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: DESCRIBE_FLAGS,
  help: DESCRIBE_HELP,
  run() {
    throw new KubectlError('kubectl describe is not ready yet')
  },
}
