// Help screens in kubectl's layout (our own words): the top-level command list,
// `kubectl <verb> --help` and `kubectl options`. Layout after kubernetes/kubectl
// pkg/util/templates/templates.go (MainHelpTemplate, MainUsageTemplate, flag usages).
import type { Verb } from './context.ts'
import type { FlagSpec } from './flags.ts'

/** kubectl's command groups in its help order; registered verbs appear under their group. */
const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands:', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands:', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
]

const OPTIONS_FOOTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'

function commandLine(v: Verb): string {
  return `  ${v.name.padEnd(15)} ${v.short}\n`
}

export function rootHelp(verbs: readonly Verb[]): string {
  const byName = new Map(verbs.map((v) => [v.name, v]))
  const grouped = new Set(GROUPS.flatMap(([, names]) => names))
  let s = 'kubectl drives the simulated Kubernetes cluster of this lab.\n\n'
  s += ' It answers like kubectl 1.33; reference: https://kubernetes.io/docs/reference/kubectl/\n\n'
  for (const [title, names] of GROUPS) {
    const present = names.map((n) => byName.get(n)).filter((v): v is Verb => !!v)
    if (!present.length) continue
    s += title + '\n' + present.map(commandLine).join('') + '\n'
  }
  // kubectl lists plugins found on $PATH here; a lab has none, and kubectl still prints the title.
  s += 'Subcommands provided by plugins:\n\n'
  const others = verbs.filter((v) => !grouped.has(v.name)).sort((a, b) => (a.name < b.name ? -1 : 1))
  if (others.length) s += 'Other Commands:\n' + others.map(commandLine).join('') + '\n'
  s += 'Usage:\n  kubectl [flags] [options]\n\n'
  s += 'Use "kubectl <command> --help" for more information about a given command.\n'
  return s + OPTIONS_FOOTER
}

function defaultText(f: FlagSpec): string {
  const d = f.default
  switch (f.type) {
    case 'bool':
      return String(d === true)
    case 'int':
      return String(d ?? 0)
    case 'duration':
      return String(d ?? '0s')
    case 'stringSlice':
    case 'stringArray':
      return `[${(Array.isArray(d) ? d : []).join(',')}]`
    default:
      return `'${typeof d === 'string' ? d : ''}'`
  }
}

/** The Options block: flags sorted by name, each as `    -x, --name=default:` and its tab-indented usage. */
export function flagUsages(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden && !f.deprecated)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage}\n`)
    .join('\n')
}

export function verbHelp(v: Verb): string {
  let s = v.help.long.replace(/\n*$/, '') + '\n\n'
  // kubectl's usage template (kubectl pkg/util/templates/templates.go SectionAliases):
  // the name and its aliases, comma-separated, between the description and the examples.
  if (v.aliases?.length) s += 'Aliases:\n' + [v.name, ...v.aliases].join(', ') + '\n\n'
  if (v.help.examples?.length) {
    s += 'Examples:\n' + v.help.examples.map((l) => '  ' + l).join('\n') + '\n\n'
  }
  if (v.subcommands?.length) {
    s += 'Available Commands:\n' + v.subcommands.map(commandLine).join('') + '\n'
  }
  const flags = v.flags.filter((f) => !f.hidden && !f.deprecated)
  if (flags.length) s += 'Options:\n' + flagUsages(flags) + '\n'
  s += `Usage:\n  kubectl ${v.help.usage}\n\n`
  if (v.subcommands?.length) s += `Use "kubectl ${v.name} <command> --help" for more information about a given command.\n`
  return s + OPTIONS_FOOTER
}

export function optionsHelp(globals: readonly FlagSpec[]): string {
  return 'The following options can be passed to any command:\n\n' + flagUsages(globals)
}
