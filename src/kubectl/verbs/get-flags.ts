// The flags and help of `kubectl get` (kubernetes/kubectl pkg/cmd/get/get.go,
// get_flags.go), described in our own words.
import type { VerbHelp } from '../context.ts'
import type { FlagSpec } from '../flags.ts'

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  usage: 'List the objects of every namespace instead of one; a namespace given with --namespace is ignored.',
}
export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: "Label selector to filter on: '=', '==', '!=', 'in', 'notin' and existence (e.g. -l app=demo,tier!=web). Objects must match every term.",
}
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Files, directories or URLs naming the objects to act on.' }
export const KUSTOMIZE_FLAG: FlagSpec = { name: 'kustomize', short: 'k', type: 'string', usage: 'A kustomization directory to act on (not available in this lab).' }
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', type: 'bool', usage: 'Walk the directories given with -f recursively.' }
export const CHUNK_SIZE_FLAG: FlagSpec = { name: 'chunk-size', type: 'int', default: 500, usage: 'Fetch large lists in pages of this many objects; 0 turns paging off.' }

export const GET_FLAGS: FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'Ignore missing fields and map keys in jsonpath and go-template output instead of failing.' },
  CHUNK_SIZE_FLAG,
  { name: 'field-selector', type: 'string', usage: "Field selector to filter on, with '=', '==' and '!=' (e.g. --field-selector status.phase=Running). Each kind supports only a few fields." },
  FILENAME_FLAG,
  { name: 'ignore-not-found', type: 'bool', usage: 'Print nothing, and succeed, when the named objects do not exist.' },
  KUSTOMIZE_FLAG,
  { name: 'label-columns', short: 'L', type: 'stringSlice', usage: 'Add a column with the value of each of these labels (comma separated, or repeat the flag).' },
  { name: 'no-headers', type: 'bool', usage: 'Leave out the header row of tables and custom columns.' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format: json, yaml, name, wide, custom-columns=, custom-columns-file=, jsonpath=, jsonpath-as-json=, jsonpath-file=, go-template=, go-template-file=, template=, templatefile=.' },
  { name: 'output-watch-events', type: 'bool', usage: 'With --watch or --watch-only, print each change as an event (ADDED, MODIFIED, DELETED); objects already there count as ADDED.' },
  { name: 'raw', type: 'string', usage: 'Read this raw URI from the server (not available in this lab).' },
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  { name: 'server-print', type: 'bool', default: true, usage: 'Let the server choose the table columns.' },
  { name: 'show-kind', type: 'bool', usage: 'Prefix names with their kind (job.batch/name).' },
  { name: 'show-labels', type: 'bool', usage: 'Add a LABELS column with all labels, last.' },
  { name: 'show-managed-fields', type: 'bool', usage: 'Keep metadata.managedFields in json and yaml output.' },
  { name: 'sort-by', type: 'string', usage: "Sort the list by this JSONPath field (e.g. '{.metadata.creationTimestamp}'); the field must be a string or a number." },
  { name: 'subresource', type: 'string', usage: 'Read this subresource (status) of the objects.' },
  { name: 'template', type: 'string', usage: 'The template, or template file, for -o go-template and go-template-file.' },
  { name: 'watch', short: 'w', type: 'bool', usage: 'After printing the objects, keep printing a row for every change.' },
  { name: 'watch-only', type: 'bool', usage: 'Print a row for every change, without listing the objects first.' },
]

export const GET_HELP: VerbHelp = {
  long: `Display one or many resources.

 Prints a table of the most useful fields of the objects you name. Narrow the list with a
label selector (-l) or a field selector (--field-selector); -o chooses another format
(wide, yaml, json, name, jsonpath, custom-columns).

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: [
    '# List the Jobs of the current namespace',
    'kubectl get jobs',
    '',
    '# More columns: containers, images and the selector',
    'kubectl get jobs -o wide',
    '',
    '# The pods one Job created, using the label the Job controller puts on them',
    'kubectl get pods -l job-name=countdown-job',
    '',
    '# Pods that ended successfully',
    'kubectl get pods --field-selector status.phase=Succeeded',
    '',
    '# One field of one object',
    "kubectl get job countdown-job -o jsonpath='{.status.succeeded}'",
    '',
    '# Several types at once, or everything in the "all" category',
    'kubectl get jobs,cronjobs',
    'kubectl get all',
    '',
    '# Follow changes as they happen (Ctrl-C to stop)',
    'kubectl get pods -w',
    '',
    '# Every namespace',
    'kubectl get jobs -A',
  ],
  usage:
    'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
}
