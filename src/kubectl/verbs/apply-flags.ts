// The flags and help of `kubectl apply` (kubernetes/kubectl pkg/cmd/apply/apply.go),
// described in our own words.
import type { VerbHelp } from '../context.ts'
import type { FlagSpec } from '../flags.ts'
import { VALIDATE_FLAG } from '../write-common.ts'
import { DRY_RUN_FLAG, fieldManagerFlag, OUTPUT_FLAGS } from '../write-util.ts'

export const FILENAME_FLAG = (what: string): FlagSpec => ({ name: 'filename', short: 'f', type: 'stringSlice', usage: `Files, directories or URLs holding the configuration ${what}; - reads standard input.` })
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', type: 'bool', usage: 'Also read the directories inside the directories given with -f.' }

export const APPLY_FLAGS: FlagSpec[] = [
  FILENAME_FLAG('to apply'),
  RECURSIVE_FLAG,
  { name: 'kustomize', short: 'k', type: 'string', usage: 'A kustomization directory to build and apply (not available in this lab).' },
  DRY_RUN_FLAG,
  ...OUTPUT_FLAGS,
  VALIDATE_FLAG,
  { name: 'overwrite', type: 'bool', default: true, usage: 'Let the manifest win over changes made to the live object since it was last applied.' },
  fieldManagerFlag('kubectl-client-side-apply'),
  { name: 'server-side', type: 'bool', usage: 'Let the API server merge the manifest (server-side apply; not available in this lab).' },
  { name: 'force-conflicts', type: 'bool', usage: 'With --server-side, take over fields other managers own (not available in this lab).' },
  { name: 'prune', type: 'bool', usage: 'Delete objects that are no longer in the manifests (not available in this lab).' },
  { name: 'force', type: 'bool', usage: 'Delete and re-create an object a patch cannot change (not available in this lab).' },
]

/** Flags apply knows but this lab does not simulate: say so instead of pretending. */
export const APPLY_UNSUPPORTED = ['server-side', 'force-conflicts', 'prune', 'force']

export const APPLY_HELP: VerbHelp = {
  long: `Create or update objects from manifests: files, directories, or standard input (JSON or YAML).

 An object that does not exist yet is created. An existing one is patched: apply compares the manifest with the configuration it applied last time (kept in the kubectl.kubernetes.io/last-applied-configuration annotation) and with the live object, and sends only the difference. Objects you manage with apply should also be created with apply (or with create --save-config).`,
  examples: [
    '# Create or update the Job described in a file',
    'kubectl apply -f countdown-job.yaml',
    '',
    '# Every .yaml, .yml and .json file of a directory',
    'kubectl apply -f manifests/',
    '',
    '# A manifest piped on standard input',
    'cat cronjob.yaml | kubectl apply -f -',
    '',
    '# Show what would happen without changing anything',
    'kubectl apply -f countdown-job.yaml --dry-run=server',
  ],
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
}
