// kubectl cluster-info: where the control plane and CoreDNS answer, in the
// colours go-colortext writes (green names, yellow addresses), as on a kubeadm
// cluster whose API server is the control-plane node.
// Upstream: kubernetes/kubectl pkg/cmd/clusterinfo/clusterinfo.go.
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'

export const API_SERVER_URL = 'https://172.30.1.2:6443'

const line = (what: string, url: string) => `\x1b[0;32m${what}\x1b[0m is running at \x1b[0;33m${url}\x1b[0m\n`

export const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  short: 'Display cluster information',
  flags: [],
  help: {
    long: 'Show where the cluster\'s control plane and its add-on services (such as DNS) can be reached.',
    examples: ['# Where the control plane runs', 'kubectl cluster-info'],
    usage: 'cluster-info [flags] [options]',
  },
  run: (ctx) => runClusterInfo(ctx),
}

function runClusterInfo(ctx: KubectlContext): number {
  if (ctx.args[0] === 'dump') throw new KubectlError('"kubectl cluster-info dump" is not available in this simulated cluster')
  ctx.out(line('Kubernetes control plane', API_SERVER_URL))
  ctx.out(line('CoreDNS', `${API_SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`))
  ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
  return 0
}
