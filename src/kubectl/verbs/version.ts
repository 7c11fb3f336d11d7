// kubectl version: client, bundled kustomize and server versions, as text or
// -o json|yaml. The build data are those of the real v1.33.2 release (the API
// server's /version of a kubeadm v1.33.2 cluster); the client reuses them.
// Upstream: kubernetes/kubectl pkg/cmd/version/version.go; apimachinery pkg/version.
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { toYaml } from '../printers/yaml.ts'

export const KUBE_VERSION = 'v1.33.2'
export const KUSTOMIZE_VERSION = 'v5.6.0'

const BUILD = {
  gitVersion: KUBE_VERSION,
  gitCommit: 'a57b6f7709f6c2722b92f07b8b4c48210a51fc40',
  gitTreeState: 'clean',
  buildDate: '2025-06-17T18:31:32Z',
  goVersion: 'go1.24.4',
  compiler: 'gc',
  platform: 'linux/amd64',
}

/** version.Info field order; the emulation fields are omitted when empty (the client's). */
function info(server: boolean): Record<string, string> {
  const compat: Record<string, string> = server ? { emulationMajor: '1', emulationMinor: '33', minCompatibilityMajor: '1', minCompatibilityMinor: '32' } : {}
  return { major: '1', minor: '33', ...compat, ...BUILD }
}

export const versionVerb: Verb = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool', usage: 'Only the client\'s version; do not ask the server.' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  help: {
    long: 'Print the version of kubectl, of the kustomize it bundles, and of the API server it talks to.',
    examples: ['# Client and server versions', 'kubectl version', '', '# Everything about the client build, as JSON', 'kubectl version --client -o json'],
    usage: 'version [flags] [options]',
  },
  run: (ctx) => runVersion(ctx),
}

function runVersion(ctx: KubectlContext): number {
  const out = ctx.flags.string('output')
  if (out !== '' && out !== 'json' && out !== 'yaml') throw new KubectlError("--output must be 'yaml' or 'json'")
  const client = ctx.flags.bool('client')
  const doc: Record<string, unknown> = { clientVersion: info(false), kustomizeVersion: KUSTOMIZE_VERSION }
  if (!client) doc.serverVersion = info(true)
  if (out === 'json') ctx.out(JSON.stringify(doc, null, 2) + '\n')
  else if (out === 'yaml') ctx.out(toYaml(doc))
  else {
    ctx.out(`Client Version: ${KUBE_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`)
    if (!client) ctx.out(`Server Version: ${KUBE_VERSION}\n`)
  }
  return 0
}
