// The flags and help of `kubectl logs` (kubernetes/kubectl pkg/cmd/logs/logs.go),
// described in our own words.
import type { VerbHelp } from '../context.ts'
import type { FlagSpec } from '../flags.ts'

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'all-containers', type: 'bool', usage: 'Print the logs of every container of the pod(s).' },
  { name: 'all-pods', type: 'bool', usage: 'Print the logs of every pod of the object given, not just one.' },
  { name: 'container', short: 'c', type: 'string', usage: 'The container to read; the default container (or the only one) otherwise.' },
  { name: 'follow', short: 'f', type: 'bool', usage: 'Keep printing new lines as the container writes them, until it ends.' },
  { name: 'ignore-errors', type: 'bool', usage: 'With --follow on several pods, carry on when one of them fails.' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool', usage: "Do not check the kubelet's serving certificate." },
  { name: 'limit-bytes', type: 'int', usage: 'Print at most this many bytes of log; 0 means no limit.' },
  { name: 'max-log-requests', type: 'int', default: 5, usage: 'With a selector, the most logs followed at once.' },
  { name: 'pod-running-timeout', type: 'duration', default: '20s', usage: 'How long to wait for at least one pod to run (e.g. 5s, 2m).' },
  { name: 'prefix', type: 'bool', usage: 'Start every line with [pod/NAME/CONTAINER].' },
  { name: 'previous', short: 'p', type: 'bool', usage: 'Print the logs of the previous, terminated instance of the container.' },
  { name: 'selector', short: 'l', type: 'string', usage: 'Label selector choosing the pods to read (e.g. -l job-name=countdown-job).' },
  { name: 'since', type: 'duration', default: '0s', usage: 'Only lines newer than this duration (e.g. 5s, 2m, 3h); excludes --since-time.' },
  { name: 'since-time', type: 'string', usage: 'Only lines after this RFC3339 time; excludes --since.' },
  { name: 'tail', type: 'int', default: -1, usage: 'Print only the last N lines; -1 prints all (10 with a selector).' },
  { name: 'timestamps', type: 'bool', usage: 'Start every line with the time it was written (RFC3339 with nanoseconds).' },
]

export const LOGS_HELP: VerbHelp = {
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
  examples: [
    '# What the only container of a pod printed',
    'kubectl logs countdown-job-x7k2p',
    '',
    '# The logs of a pod of a Job',
    'kubectl logs job/countdown-job',
    '',
    '# The previous instance of a restarted container',
    'kubectl logs retry-job-9q8ws -p',
    '',
    '# Keep printing new lines until the container ends',
    'kubectl logs -f job/countdown-job',
    '',
    '# The last 5 lines, each with its time',
    'kubectl logs countdown-job-x7k2p --tail=5 --timestamps',
    '',
    '# Every pod with a label',
    'kubectl logs -l job-name=countdown-job',
  ],
  usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
}
