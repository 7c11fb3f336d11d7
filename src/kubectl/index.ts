// The kubectl emulator's public surface: a shell command bound to a simulated
// cluster, answering what kubectl 1.33 answers against a 1.33 cluster.
import type { Cluster } from '../engine/cluster.ts'
import type { Command } from '../shell/api.ts'
import { runKubectl } from './cli.ts'
import { defaultKubeConfig, type KubeConfig, type Verb } from './context.ts'

export { runKubectl, type Invocation } from './cli.ts'
export { defaultKubeConfig, type KubeConfig, type KubectlContext, type Verb, type VerbHelp } from './context.ts'
export { KubectlError, UsageError, RawError, ExitError, errorText, reportError } from './errors.ts'
export { VERBS, findVerb } from './verbs/index.ts'

export interface KubectlOptions {
  /** Kubeconfig state shared by every invocation of this command (the session keeps one). */
  kubeconfig?: KubeConfig
  /** Replace the verb registry (tests). */
  verbs?: readonly Verb[]
}

/** `kubectl` as a shell command: argv[0] is the program name, the rest its arguments. */
export function kubectlCommand(cluster: Cluster, opts: KubectlOptions = {}): Command {
  const kubeconfig = opts.kubeconfig ?? defaultKubeConfig()
  return (cmd) => runKubectl(cmd.argv.slice(1), { cmd, cluster, kubeconfig, verbs: opts.verbs })
}
