// What every kubectl verb is handed: its parsed flags and arguments, the
// cluster it talks to, the terminal's streams, environment and filesystem, and
// the kubeconfig state (current namespace) shared by the session's invocations.
import type { ApiServer } from '../engine/api/server.ts'
import type { Store } from '../engine/api/store.ts'
import type { Cluster } from '../engine/cluster.ts'
import type { CommandContext, CommandResult, InputStream, OutputStream, ShellHost } from '../shell/api.ts'
import type { Vfs } from '../shell/fs/vfs.ts'
import type { FlagSpec, ParsedFlags } from './flags.ts'

/** The kubeconfig a session's kubectl reads: one context, whose namespace `config set-context` may change. */
export interface KubeConfig {
  currentContext: string
  cluster: string
  user: string
  /** The context's namespace; empty means "default". */
  namespace: string
}

export function defaultKubeConfig(): KubeConfig {
  return { currentContext: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin', namespace: '' }
}

export interface KubectlContext {
  /** The verb as registered ('get'), and the command path for messages ('kubectl get', 'kubectl create job'). */
  readonly verb: string
  readonly commandPath: string
  readonly flags: ParsedFlags
  /** Positional arguments, flags removed. */
  readonly args: string[]
  /** How many positional arguments came before `--` (-1 without `--`). */
  readonly argsLenAtDash: number
  readonly cluster: Cluster
  readonly api: ApiServer
  readonly store: Store
  readonly kubeconfig: KubeConfig
  /** The request namespace: `-n`, else the context's namespace, else "default". */
  readonly namespace: string
  /** True when `-n/--namespace` was given explicitly. */
  readonly namespaceExplicit: boolean
  /** IANA zone kubectl prints local times in (env TZ; UTC when unset or unknown). */
  readonly timeZone: string
  readonly env: ReadonlyMap<string, string>
  readonly fs: Vfs
  readonly cwd: string
  readonly stdin: InputStream
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  readonly host: ShellHost
  readonly interactive: boolean
  /** Catch INT/TERM/HUP instead of dying of them (kubectl's interrupt handler); see CommandContext.onSignal. */
  readonly onSignal?: CommandContext['onSignal']
  /** Current virtual time, ms since the epoch. */
  now(): number
  out(text: string): void
  err(text: string): void
}

export interface VerbHelp {
  /** The long description (first line is the summary), in our own words. */
  long: string
  /** Example lines: `# comment` and command lines, without indentation. */
  examples?: string[]
  /** The text after `kubectl ` on the Usage line, e.g. "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]". */
  usage: string
}

export interface Verb {
  name: string
  /** Other names cobra accepts for the command, e.g. `create ns`. */
  aliases?: string[]
  /** One-line summary for `kubectl --help`. */
  short: string
  /** The command's own flags (the global ones are added by the framework). */
  flags: FlagSpec[]
  help: VerbHelp
  /** Subcommands, e.g. `create job`; the verb's run handles arguments that name none. */
  subcommands?: Verb[]
  run(ctx: KubectlContext): CommandResult
}
