// The flags and help of `kubectl delete` (kubernetes/kubectl pkg/cmd/delete/delete.go,
// delete_flags.go), described in our own words.
import type { VerbHelp } from '../context.ts'
import type { FlagSpec } from '../flags.ts'
import { DRY_RUN_FLAG } from '../write-util.ts'
import { FILENAME_FLAG, RECURSIVE_FLAG } from './apply-flags.ts'

export const DELETE_FLAGS: FlagSpec[] = [
  FILENAME_FLAG('of the objects to delete'),
  RECURSIVE_FLAG,
  { name: 'all', type: 'bool', usage: 'Delete every object of the given types in the namespace.' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'With a selector or --all, look in every namespace.' },
  { name: 'selector', short: 'l', type: 'string', usage: 'Delete the objects whose labels match this selector (e.g. -l app=countdown-job).' },
  { name: 'field-selector', type: 'string', usage: 'Delete the objects whose fields match this selector (e.g. --field-selector status.successful=1).' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'What happens to dependents (a Job\'s pods, a CronJob\'s Jobs): "background" deletes them after the owner, "foreground" before it, "orphan" keeps them.' },
  { name: 'grace-period', type: 'int', default: -1, usage: 'Seconds a pod gets to stop. Negative: its own terminationGracePeriodSeconds. 0 only together with --force.' },
  { name: 'now', type: 'bool', usage: 'Stop pods almost at once (a grace period of 1 second).' },
  { name: 'force', type: 'bool', usage: 'With --grace-period=0, remove the objects at once without waiting for their processes to stop.' },
  { name: 'ignore-not-found', type: 'bool', usage: 'Do not report an error for objects that do not exist.' },
  { name: 'wait', type: 'bool', default: true, usage: 'Wait until the objects are really gone before returning.' },
  { name: 'timeout', type: 'duration', default: '0s', usage: 'How long to wait for the deletion (e.g. 30s); 0 picks a long default.' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output mode: "name" prints resource/name for each deleted object.' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Ask before deleting (not available in this lab).' },
  DRY_RUN_FLAG,
]

export const DELETE_HELP: VerbHelp = {
  long: `Delete objects named by type and name, by manifest (-f), or by label or field selector.

 Deleting a Job also deletes its pods and deleting a CronJob also deletes its Jobs, unless --cascade=orphan keeps them. Pods stop gracefully: their containers get SIGTERM and, after the grace period, SIGKILL. By default the command returns only once the objects are gone.`,
  examples: [
    '# Delete one Job (and its pods)',
    'kubectl delete job countdown-job',
    '',
    '# Delete the objects a manifest describes',
    'kubectl delete -f countdown-job.yaml',
    '',
    '# Delete every finished Job',
    'kubectl delete jobs --field-selector status.successful=1',
    '',
    '# Delete a CronJob but keep the Jobs it made',
    'kubectl delete cronjob sample-cron-job --cascade=orphan',
    '',
    '# Remove a pod at once',
    'kubectl delete pod countdown-job-x7k2p --grace-period=0 --force',
  ],
  usage: 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]',
}
