// The flags and help of `kubectl describe` (kubernetes/kubectl pkg/cmd/describe/describe.go),
// described in our own words.
import type { VerbHelp } from '../context.ts'
import type { FlagSpec } from '../flags.ts'
import { ALL_NAMESPACES_FLAG, CHUNK_SIZE_FLAG, FILENAME_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './get-flags.ts'

export const DESCRIBE_FLAGS: FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  CHUNK_SIZE_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  { name: 'show-events', type: 'bool', default: true, usage: 'Show the events about the object at the end.' },
]

export const DESCRIBE_HELP: VerbHelp = {
  long: `Show details of a specific resource or group of resources.

 Prints a readable account of each object: its settings, its status, and the recent events
about it. "kubectl describe TYPE NAME_PREFIX" describes every object whose name starts with
the prefix.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: [
    '# A Job: parallelism, completions, pod counts, its pod template and events',
    'kubectl describe job countdown-job',
    '',
    '# A CronJob: schedule, policies, last schedule time and active Jobs',
    'kubectl describe cronjob hello',
    '',
    '# Every pod of a Job',
    'kubectl describe pods -l job-name=countdown-job',
    '',
    '# A node: capacity, conditions and the pods it runs',
    'kubectl describe node node01',
  ],
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
}
