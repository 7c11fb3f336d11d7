// kubectl get (being built).
import type { Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { GET_FLAGS, GET_HELP } from './get-flags.ts'

export const getVerb: Verb = {
  name: 'get',
  short: 'Display one or many resources',
  flags: GET_FLAGS,
  help: GET_HELP,
  run() {
    throw new KubectlError('kubectl get is not ready yet')
  },
}
