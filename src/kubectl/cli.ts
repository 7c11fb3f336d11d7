// From argv to a verb: kubectl's global flags, cobra's command lookup and "Did you mean this?",
// help screens, kubeconfig checks, and errors with exit codes. Upstream: kubectl pkg/cmd/cmd.go,
// spf13/cobra command.go (Find, SuggestionsFor), component-base cli/run.go (flag errors).
import type { Cluster } from '../engine/cluster.ts'
import type { CommandContext, CommandResult, Wait } from '../shell/api.ts'
import { defaultKubeConfig, type KubeConfig, type KubectlContext, type Verb } from './context.ts'
import { ExitError, KubectlError, reportError } from './errors.ts'
import { FlagError, FlagSet, HELP_FLAG, type FlagSpec, type ParsedFlags } from './flags.ts'
import { optionsHelp, rootHelp, verbHelp } from './help.ts'
import { VERBS } from './verbs/index.ts'

const s = (name: string, usage: string, short?: string): FlagSpec => ({ name, type: 'string', usage, short })
const b = (name: string, usage: string): FlagSpec => ({ name, type: 'bool', usage })

/** kubectl's persistent flags (`kubectl options`); only --namespace changes what we do. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  s('as', 'User to impersonate for the request.'),
  { name: 'as-group', type: 'stringArray', usage: 'Group to impersonate; may be repeated.' },
  s('as-uid', 'UID to impersonate for the request.'),
  { ...s('cache-dir', 'Where discovery and HTTP responses are cached.'), default: '/root/.kube/cache' },
  s('certificate-authority', 'CA certificate file for the API server.'),
  s('client-certificate', 'Client certificate file for TLS.'),
  s('client-key', 'Client key file for TLS.'),
  s('cluster', 'Which kubeconfig cluster to talk to.'),
  s('context', 'Which kubeconfig context to use.'),
  b('disable-compression', 'Ask the server not to compress responses.'),
  b('insecure-skip-tls-verify', "Skip checking the server's certificate (insecure)."),
  s('kubeconfig', 'Path of the kubeconfig file.'),
  { name: 'log-flush-frequency', type: 'duration', default: '5s', usage: 'Longest time between log flushes.' },
  b('match-server-version', 'Fail unless the server has the same version as this client.'),
  s('namespace', 'The namespace this request works in.', 'n'),
  s('password', 'Password for basic authentication.'),
  { ...s('profile', 'Profile to capture: none, cpu, heap, goroutine, threadcreate, block or mutex.'), default: 'none' },
  { ...s('profile-output', 'File the profile is written to.'), default: 'profile.pprof' },
  { ...s('request-timeout', 'How long to wait for one server request (with a unit, e.g. 10s); 0 waits forever.'), default: '0' },
  s('server', 'Address and port of the API server.', 's'),
  s('tls-server-name', "Server name to check the server's certificate against."),
  s('token', 'Bearer token for the API server.'),
  s('user', 'Which kubeconfig user to use.'),
  s('username', 'Username for basic authentication.'),
  { name: 'v', short: 'v', type: 'int', usage: 'Log verbosity level.' },
  s('vmodule', 'Per-file log verbosity settings (pattern=N,...).'),
  b('warnings-as-errors', 'Fail (non-zero exit) when the server returns warnings.'),
]

/**
 * Every top-level command of real kubectl, in the order cmd.go adds them: the
 * order cobra offers suggestions in. Ones we do not simulate are named, not run.
 */
export const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources',
  'options',
]

/** Case-insensitive Levenshtein distance, as cobra's ld(s, t, true). */
export function levenshtein(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]
}

/** cobra's SuggestionsFor: within distance 2, or a prefix of the command's name. */
export function suggestionsFor(typed: string, commands: readonly string[] = KUBECTL_COMMANDS): string[] {
  return commands.filter((c) => levenshtein(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()))
}

function unknownCommand(word: string): string {
  const sugg = suggestionsFor(word)
  let msg = `error: unknown command "${word}" for "kubectl"`
  if (sugg.length) msg += '\n\nDid you mean this?\n' + sugg.map((c) => `\t${c}\n`).join('')
  return msg.endsWith('\n') ? msg : msg + '\n'
}

/** What the host supplies for one kubectl invocation. */
export interface Invocation {
  cmd: CommandContext
  cluster: Cluster
  kubeconfig?: KubeConfig
  verbs?: readonly Verb[]
}

function flagErrorText(e: FlagError, path: string): string {
  return `error: ${e.message}\nSee '${path} --help' for usage.\n`
}

/** Run `kubectl ARGS…` (argv without the program name). */
export function runKubectl(argv: readonly string[], inv: Invocation): CommandResult {
  const { cmd } = inv
  const verbs = inv.verbs ?? VERBS
  const err = (t: string) => cmd.stderr.write(t)
  const rootSet = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG])
  const words = rootSet.commandWords(argv)
  if (!words.length) return runRoot(argv, rootSet, verbs, inv)
  const first = words[0]
  if (first.word === 'help') return runHelp(words.slice(1).map((w) => w.word), verbs, inv)
  if (first.word === 'options' && !verbs.some((v) => v.name === 'options')) {
    cmd.stdout.write(optionsHelp(GLOBAL_FLAGS))
    return 0
  }
  let verb = verbs.find((v) => v.name === first.word)
  if (!verb) {
    // The cluster runs no metrics-server, so kubectl top pod/node stops at its
    // discovery check (kubectl/pkg/cmd/top/top_pod.go, top_node.go RunTop*).
    if (first.word === 'top' && /^(pods?|po|nodes?|no)$/.test(words[1]?.word ?? '')) {
      err('error: Metrics API not available\n')
      return 1
    }
    if (KUBECTL_COMMANDS.includes(first.word)) {
      err(`error: "kubectl ${first.word}" is not available in this simulated cluster\n`)
      return 1
    }
    err(unknownCommand(first.word))
    return 1
  }
  let rest = [...argv.slice(0, first.index), ...argv.slice(first.index + 1)]
  let path = `kubectl ${verb.name}`
  if (verb.subcommands?.length) {
    const sub = new FlagSet([...GLOBAL_FLAGS, ...verb.flags, HELP_FLAG]).commandWords(rest)[0]
    const found = sub && verb.subcommands.find((v) => v.name === sub.word || v.aliases?.includes(sub.word))
    if (found && sub) {
      verb = found
      path += ' ' + found.name
      rest = [...rest.slice(0, sub.index), ...rest.slice(sub.index + 1)]
    }
  }
  const set = new FlagSet([...GLOBAL_FLAGS, ...verb.flags, HELP_FLAG])
  let parsed
  try {
    parsed = set.parse(rest)
  } catch (e) {
    if (e instanceof FlagError) {
      err(flagErrorText(e, path))
      return 1
    }
    throw e
  }
  for (const w of parsed.flags.warnings) err(w + '\n')
  if (parsed.flags.bool('help')) {
    cmd.stdout.write(verbHelp({ ...verb, help: { ...verb.help, usage: verb.help.usage } }))
    return 0
  }
  const ctx = makeContext(verb, path, parsed.flags, parsed.args, parsed.argsLenAtDash, inv)
  const badConfig = OFFLINE_VERBS.has(verb.name) ? undefined : connectionError(parsed.flags, ctx.kubeconfig)
  if (badConfig) {
    err(badConfig + '\n')
    return 1
  }
  return guard(() => verb.run(ctx), ctx)
}

function runRoot(argv: readonly string[], rootSet: FlagSet, verbs: readonly Verb[], inv: Invocation): number {
  try {
    rootSet.parse(argv)
  } catch (e) {
    if (e instanceof FlagError) {
      inv.cmd.stderr.write(flagErrorText(e, 'kubectl'))
      return 1
    }
    throw e
  }
  inv.cmd.stdout.write(rootHelp(verbs))
  return 0
}

function runHelp(words: string[], verbs: readonly Verb[], inv: Invocation): number {
  if (!words.length) {
    inv.cmd.stdout.write(rootHelp(verbs))
    return 0
  }
  if (words[0] === 'options') {
    inv.cmd.stdout.write(optionsHelp(GLOBAL_FLAGS))
    return 0
  }
  let verb = verbs.find((v) => v.name === words[0])
  if (verb && words[1]) verb = verb.subcommands?.find((v) => v.name === words[1] || v.aliases?.includes(words[1])) ?? verb
  if (!verb) {
    // cobra's help command: unknown topic, then the root's usage.
    inv.cmd.stdout.write(`Unknown help topic [\`${words.join(' ')}\`]\n` + rootHelp(verbs))
    return 0
  }
  inv.cmd.stdout.write(verbHelp(verb))
  return 0
}

/** The IANA zone named by TZ, or UTC when unset or unknown (Go falls back to UTC too). */
export function zoneFromEnv(tz: string | undefined): string {
  if (!tz) return 'UTC'
  const name = tz.startsWith(':') ? tz.slice(1) : tz
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return 'UTC'
  }
}

/** Verbs that never load the kubeconfig's connection settings. */
const OFFLINE_VERBS = new Set(['version', 'config', 'completion', 'plugin', 'options', 'help'])

/** The kubeconfig checks client-go makes before a request (clientcmd loader, rest config). */
function connectionError(flags: ParsedFlags, kubeconfig: KubeConfig): string | undefined {
  const ctx = flags.string('context')
  if (flags.changed('context') && ctx && ctx !== kubeconfig.currentContext) return `Error in configuration: context was not found for specified context: ${ctx}`
  const cluster = flags.string('cluster')
  if (flags.changed('cluster') && cluster && cluster !== kubeconfig.cluster) return `error: no server found for cluster ${JSON.stringify(cluster)}`
  const user = flags.string('user')
  if (flags.changed('user') && user && user !== kubeconfig.user) return `error: auth info ${JSON.stringify(user)} does not exist`
  const timeout = flags.string('request-timeout')
  if (timeout && !/^(\d+|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/.test(timeout)) {
    return 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)'
  }
  return undefined
}

function makeContext(verb: Verb, path: string, flags: ParsedFlags, args: string[], argsLenAtDash: number, inv: Invocation): KubectlContext {
  const { cmd, cluster } = inv
  const kubeconfig = inv.kubeconfig ?? defaultKubeConfig()
  const nsFlag = flags.string('namespace')
  return {
    verb: verb.name,
    commandPath: path,
    flags,
    args,
    argsLenAtDash,
    cluster,
    api: cluster.api,
    store: cluster.store,
    kubeconfig,
    namespace: nsFlag || kubeconfig.namespace || 'default',
    namespaceExplicit: flags.changed('namespace'),
    timeZone: zoneFromEnv(cmd.env.get('TZ')),
    env: cmd.env,
    fs: cmd.fs,
    cwd: cmd.cwd,
    stdin: cmd.stdin,
    stdout: cmd.stdout,
    stderr: cmd.stderr,
    host: cmd.host,
    interactive: cmd.interactive,
    onSignal: cmd.onSignal && ((handler) => cmd.onSignal!(handler)),
    now: () => cluster.kernel.now(),
    out: (t) => cmd.stdout.write(t),
    err: (t) => cmd.stderr.write(t),
  }
}

/** Run a verb and turn whatever it throws (also from inside a generator) into kubectl's error output. */
function guard(run: () => CommandResult, ctx: KubectlContext): CommandResult {
  let result: CommandResult
  try {
    result = run()
  } catch (e) {
    return fail(e, ctx)
  }
  if (typeof result === 'number') return result
  return guardGen(result, ctx)
}

function* guardGen(gen: Generator<Wait, number, void>, ctx: KubectlContext): Generator<Wait, number, void> {
  try {
    return yield* gen
  } catch (e) {
    return fail(e, ctx)
  }
}

function fail(e: unknown, ctx: KubectlContext): number {
  if (e instanceof FlagError) {
    ctx.err(flagErrorText(e, ctx.commandPath))
    return 1
  }
  const { text, code } = reportError(e)
  if (text) ctx.err(text)
  return code
}

export { ExitError, KubectlError }
