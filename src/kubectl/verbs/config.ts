// kubectl config: the lab's kubeconfig (one kubeadm admin context), viewing it
// and switching the context's namespace, which later kubectl commands then use.
// Upstream: kubernetes/kubectl pkg/cmd/config (view.go, current_context.go,
// get_contexts.go, set_context.go, use_context.go).
import type { KubeConfig, KubectlContext, Verb } from '../context.ts'
import { KubectlError, UsageError } from '../errors.ts'
import { TabWriter } from '../tabwriter.ts'
import { toYaml } from '../printers/yaml.ts'
import { API_SERVER_URL } from './cluster-info.ts'

function document(kc: KubeConfig, raw: boolean): Record<string, unknown> {
  const secret = raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' : 'DATA+OMITTED'
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': secret, server: API_SERVER_URL }, name: kc.cluster }],
    contexts: [{ context: { cluster: kc.cluster, ...(kc.namespace ? { namespace: kc.namespace } : {}), user: kc.user }, name: kc.currentContext }],
    'current-context': kc.currentContext,
    kind: 'Config',
    preferences: {},
    users: [{ name: kc.user, user: { 'client-certificate-data': secret, 'client-key-data': raw ? 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=' : 'DATA+OMITTED' } }],
  }
}

const view: Verb = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'yaml or json.' },
    { name: 'raw', type: 'bool', usage: 'Show the certificate and key data instead of DATA+OMITTED.' },
    { name: 'minify', type: 'bool', usage: 'Only what the current context uses.' },
    { name: 'flatten', type: 'bool', usage: 'Inline referenced files.' },
  ],
  help: { long: 'Show the kubeconfig kubectl uses, with secrets left out unless --raw.', usage: 'config view [flags] [options]' },
  run(ctx) {
    const doc = document(ctx.kubeconfig, ctx.flags.bool('raw'))
    const o = ctx.flags.string('output')
    if (o === 'json') ctx.out(JSON.stringify(doc, null, 4) + '\n')
    else if (o === 'yaml') ctx.out(toYaml(doc))
    else throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,yaml`)
    return 0
  },
}

const currentContext: Verb = {
  name: 'current-context',
  short: 'Display the current-context',
  flags: [],
  help: { long: 'Print the name of the context kubectl uses.', usage: 'config current-context [options]' },
  run(ctx) {
    ctx.out(ctx.kubeconfig.currentContext + '\n')
    return 0
  },
}

const getContexts: Verb = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'Leave out the header line.' },
    { name: 'output', short: 'o', type: 'string', usage: 'name prints only the context names.' },
  ],
  help: { long: 'List the contexts of the kubeconfig; the current one is marked with *.', usage: 'config get-contexts [(-o|--output=)name)] [options]' },
  run(ctx) {
    const kc = ctx.kubeconfig
    if (ctx.flags.string('output') === 'name') {
      ctx.out(kc.currentContext + '\n')
      return 0
    }
    const w = new TabWriter({ minwidth: 6, padding: 3 })
    if (!ctx.flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n')
    w.write(`*\t${kc.currentContext}\t${kc.cluster}\t${kc.user}\t${kc.namespace}\n`)
    ctx.out(w.flush())
    return 0
  },
}

const setContext: Verb = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'current', type: 'bool', usage: 'Change the current context.' },
    { name: 'namespace', type: 'string', usage: 'The namespace the context works in.' },
    { name: 'cluster', type: 'string', usage: 'The cluster the context talks to.' },
    { name: 'user', type: 'string', usage: 'The user the context acts as.' },
  ],
  help: {
    long: 'Change a context of the kubeconfig; with --current, the one in use. Setting its namespace makes later commands work there without -n.',
    examples: ['# Work in the kube-system namespace from now on', 'kubectl config set-context --current --namespace=kube-system'],
    usage: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  },
  run(ctx) {
    const kc = ctx.kubeconfig
    const name = ctx.flags.bool('current') ? kc.currentContext : ctx.args[0]
    if (ctx.flags.bool('current') && ctx.args.length) throw new KubectlError('you cannot specify a context name and --current')
    if (!name) throw new UsageError('you must specify a non-empty context name or --current', ctx.commandPath)
    if (name !== kc.currentContext) throw new KubectlError(`adding contexts is not available in this lab; the only context is "${kc.currentContext}"`)
    if (ctx.flags.changed('namespace')) kc.namespace = ctx.flags.string('namespace')
    ctx.out(`Context "${name}" modified.\n`)
    return 0
  },
}

const useContext: Verb = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  flags: [],
  help: { long: 'Switch kubectl to another context of the kubeconfig.', usage: 'config use-context CONTEXT_NAME [options]' },
  run(ctx) {
    const name = ctx.args[0]
    if (!name) throw new UsageError('empty context names are not allowed', ctx.commandPath)
    if (name !== ctx.kubeconfig.currentContext) throw new KubectlError(`no context exists with the name: "${name}"`)
    ctx.out(`Switched to context "${name}".\n`)
    return 0
  },
}

export const configVerb: Verb = {
  name: 'config',
  short: 'Modify kubeconfig files',
  flags: [],
  help: {
    long: 'Read and change the kubeconfig: which cluster kubectl talks to, as whom, and in which namespace.',
    usage: 'config SUBCOMMAND [options]',
  },
  subcommands: [currentContext, getContexts, setContext, useContext, view],
  run(ctx: KubectlContext) {
    if (ctx.args.length) throw new KubectlError(`unknown command "${ctx.args[0]}" for "kubectl config"`)
    ctx.out(ctx.cluster ? helpText() : '')
    return 0
  },
}

function helpText(): string {
  return 'Read and change the kubeconfig: which cluster kubectl talks to, as whom, and in which namespace.\n\nAvailable Commands:\n' +
    configVerb.subcommands!.map((v) => `  ${v.name.padEnd(15)} ${v.short}\n`).join('') +
    '\nUsage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n'
}
