// The programs of the cluster's own images (etcd, the control plane, kube-proxy, CoreDNS, canal, local-path):
// each writes a few plausible startup lines in its own log format (klog, zap JSON, logrus, CoreDNS's banner)
// and then serves until TERM. What they serve is not simulated; the lines are ours, shaped like the real ones.
import type { Proc, Signal, Yield } from '../../shell/api.ts'
import type { ProgramContext } from './image-programs.ts'

export type LogStream = 'stdout' | 'stderr'

/** A line a program writes, `ms` after it started. */
export interface TimedLine {
  ms: number
  stream: LogStream
  text: string
}

/** What a program knows of where it runs. */
export interface DaemonEnv {
  /** When it started (virtual ms). */
  start: number
  argv: string[]
  env: Record<string, string>
  /** Seeded random numbers for the lines' microseconds and identifiers. */
  random: () => number
}

interface Daemon {
  startup(d: DaemonEnv): TimedLine[]
  /** An init container's program: exits 0 after its lines. */
  oneShot?: boolean
  /** Lines and delay after TERM, before it exits 0 (CoreDNS's lameduck, say). */
  stop?: (d: DaemonEnv, at: number) => { lines: TimedLine[]; ms: number }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** klog's header: Lmmdd hh:mm:ss.uuuuuu, the thread id right-aligned in 7, then file:line]. */
function klogTime(ms: number, micro: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(micro, 6)}`
}

/** Sub-millisecond digits that stay inside the first half of their millisecond (the log's own stamp comes after). */
function micro(ms: number, d: DaemonEnv): number {
  return (ms % 1000) * 1000 + (d.random() % 500)
}

function klog(d: DaemonEnv, lines: [number, string, string][]): TimedLine[] {
  return lines.map(([ms, where, msg]) => {
    const at = d.start + ms
    const level = msg.startsWith('!') ? 'E' : 'I'
    return { ms, stream: 'stderr', text: `${level}${klogTime(at, micro(at, d))}       1 ${where}] ${msg.replace(/^!/, '')}` }
  })
}

/** zap's JSON time (etcd): RFC 3339 with microseconds. */
function zapTime(ms: number, d: DaemonEnv): string {
  return new Date(ms).toISOString().slice(0, 19) + '.' + pad(micro(ms, d), 6) + 'Z'
}

/** logrus/calico: "2025-12-17 23:43:24.123". */
function calicoTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ')
}

function hex(d: DaemonEnv, n: number): string {
  let s = ''
  while (s.length < n) s += d.random().toString(16).padStart(8, '0')
  return s.slice(0, n)
}

function flag(d: DaemonEnv, name: string): string {
  const a = d.argv.find((x) => x.startsWith(`--${name}=`))
  return a ? a.slice(name.length + 3) : ''
}

const etcd: Daemon = {
  startup(d) {
    const name = flag(d, 'name') || 'default'
    const line = (ms: number, caller: string, msg: string, rest: string) => ({ ms, stream: 'stderr' as const, text: `{"level":"info","ts":"${zapTime(d.start + ms, d)}","caller":"${caller}","msg":"${msg}"${rest}}` })
    const member = hex(d, 16)
    return [
      line(3, 'etcdmain/etcd.go:73', 'Running: ', `,"args":${JSON.stringify(d.argv)}`),
      line(9, 'embed/etcd.go:311', 'starting an etcd server', `,"etcd-version":"3.5.21","git-sha":"a17edfd","go-version":"go1.23.7","go-os":"linux","go-arch":"amd64","max-cpu-set":2,"max-cpu-available":2,"name":"${name}","data-dir":"/var/lib/etcd"`),
      line(1210, 'etcdserver/server.go:2068', 'published local member to cluster through raft', `,"local-member-id":"${member}","local-member-attributes":"{Name:${name} ClientURLs:[${flag(d, 'advertise-client-urls')}]}","publish-timeout":"7s"`),
      line(1214, 'embed/serve.go:250', 'serving client traffic securely', `,"traffic":"grpc+http","address":"127.0.0.1:2379"`),
    ]
  },
}

const apiserver: Daemon = {
  startup: (d) =>
    klog(d, [
      [4, 'options.go:249', `external host was not specified, using ${flag(d, 'advertise-address')}`],
      [6, 'server.go:147', 'Version: v1.33.2'],
      [1830, 'secure_serving.go:211', `Serving securely on [::]:${flag(d, 'secure-port') || '6443'}`],
      [2410, 'controller.go:615', 'quota admission added evaluator for: namespaces'],
    ]),
}

const controllerManager: Daemon = {
  startup: (d) =>
    klog(d, [
      [5, 'serving.go:386', 'Generated self-signed cert in-memory'],
      [420, 'controllermanager.go:188', '"Starting" version="v1.33.2"'],
      [431, 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...'],
      [452, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-controller-manager'],
    ]),
}

const scheduler: Daemon = {
  startup: (d) =>
    klog(d, [
      [5, 'serving.go:386', 'Generated self-signed cert in-memory'],
      [380, 'server.go:166', '"Starting Kubernetes Scheduler" version="v1.33.2"'],
      [392, 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler...'],
      [410, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-scheduler'],
    ]),
}

const kubeProxy: Daemon = {
  startup: (d) =>
    klog(d, [
      [12, 'server_linux.go:66', '"Using iptables proxy"'],
      [48, 'server_linux.go:170', '"Using iptables Proxier"'],
      [55, 'server.go:483', '"Version info" version="v1.33.2"'],
      [70, 'config.go:199', '"Starting service config controller"'],
      [171, 'shared_informer.go:357', '"Caches are synced" controller="service config"'],
    ]),
}

const coredns: Daemon = {
  startup(d) {
    const out = (ms: number, text: string): TimedLine => ({ ms, stream: 'stdout', text })
    return [
      out(6, 'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined'),
      out(31, '.:53'),
      out(31, `[INFO] plugin/reload: Running configuration SHA512 = ${hex(d, 128)}`),
      out(32, 'CoreDNS-1.12.0'),
      out(32, 'linux/amd64, go1.23.3, 51e11f1'),
    ]
  },
  // health { lameduck 5s }: it keeps answering for five seconds after TERM.
  stop: (d, at) => ({ lines: [{ ms: at, stream: 'stdout', text: '[INFO] SIGTERM: Shutting down servers then terminating' }, { ms: at, stream: 'stdout', text: '[INFO] plugin/health: Going into lameduck mode for 5s' }], ms: 5000 }),
}

function calico(d: DaemonEnv, lines: [number, string][]): TimedLine[] {
  return lines.map(([ms, text]) => ({ ms, stream: 'stdout', text: `${calicoTime(d.start + ms)} [INFO]${text}` }))
}

const installCni: Daemon = {
  oneShot: true,
  startup: (d) =>
    calico(d, [
      [20, '[1] cni-installer/<nil> <nil>: Running as a Kubernetes pod'],
      [610, '[1] cni-installer/<nil> <nil>: Installed /host/opt/cni/bin/calico'],
      [640, '[1] cni-installer/<nil> <nil>: Wrote Calico CNI binaries to /host/opt/cni/bin'],
      [702, '[1] cni-installer/<nil> <nil>: Created /host/etc/cni/net.d/10-canal.conflist'],
      [705, '[1] cni-installer/<nil> <nil>: Done configuring CNI.  Sleep= false'],
    ]),
}

const bpffs: Daemon = {
  oneShot: true,
  startup: (d) =>
    calico(d, [
      [15, '[1] init/startup.go 431: Early log level set to info'],
      [19, '[1] init/calico-init_linux.go 57: Checking if BPF filesystem is mounted.'],
      [24, '[1] init/calico-init_linux.go 69: BPF filesystem is mounted.'],
    ]),
}

const calicoNode: Daemon = {
  startup: (d) =>
    calico(d, [
      [210, `[9] startup/startup.go 431: Early log level set to info`],
      [214, `[9] startup/utils.go 126: Using NODENAME environment for node name ${d.env.NODENAME ?? ''}`],
      [390, '[9] startup/startup.go 592: FELIX_IPV6SUPPORT is false through environment variable'],
      [1350, '[9] startup/startup.go 106: Calico node started successfully'],
    ]),
}

const flanneld: Daemon = {
  startup: (d) =>
    klog(d, [
      [18, 'main.go:476', 'Found network config - Backend type: vxlan'],
      [22, 'kube.go:139', 'Waiting 10m0s for node controller to sync'],
      [130, 'kube.go:146', 'Node controller sync successful'],
      [160, 'main.go:624', 'Running backend.'],
      [175, 'vxlan_network.go:65', 'watching for new subnet leases'],
    ]),
}

const kubeControllers: Daemon = {
  startup: (d) =>
    calico(d, [
      [40, '[1] main.go 99: Loaded configuration from environment'],
      [52, '[1] main.go 174: Ensuring Calico datastore is initialized'],
      [312, '[1] main.go 248: Calico datastore is initialized'],
      [330, '[1] main.go 285: Starting status report routine'],
    ]),
}

const localPath: Daemon = {
  startup(d) {
    const at = (ms: number) => new Date(d.start + ms).toISOString().slice(0, 19) + 'Z'
    const id = `rancher.io/local-path_${d.env.HOSTNAME ?? ''}_${hex(d, 8)}-${hex(d, 4)}-4${hex(d, 3)}-a${hex(d, 3)}-${hex(d, 12)}`
    const logrus = (ms: number, msg: string): TimedLine => ({ ms, stream: 'stderr', text: `time="${at(ms)}" level=debug msg="${msg}"` })
    return [
      logrus(8, 'Applied config: {\\"nodePathMap\\":[{\\"node\\":\\"DEFAULT_PATH_FOR_NON_LISTED_NODES\\",\\"paths\\":[\\"/var/local-path-provisioner\\"]}]}'),
      logrus(9, 'Provisioner started'),
      ...klog(d, [
        [412, 'controller.go:824', `Starting provisioner controller ${id}!`],
        [515, 'controller.go:873', `Started provisioner controller ${id}!`],
      ]),
    ]
  },
}

/** Program names (image-catalog "img:sys:<name>") and what they print. */
const DAEMONS: Record<string, Daemon> = {
  etcd,
  'kube-apiserver': apiserver,
  'kube-controller-manager': controllerManager,
  'kube-scheduler': scheduler,
  'kube-proxy': kubeProxy,
  coredns,
  'install-cni': installCni,
  'calico-node-init': bpffs,
  'calico-node': calicoNode,
  flanneld,
  'calico-kube-controllers': kubeControllers,
  'local-path-provisioner': localPath,
}

/** Which daemon an argv runs: calico-node's binary is also its own init step (calico-node -init). */
function pick(name: string, argv: string[]): Daemon | undefined {
  if (name === 'calico-node' && argv.includes('-init')) return DAEMONS['calico-node-init']
  return DAEMONS[name]
}

export function isSystemProgram(name: string): boolean {
  return name in DAEMONS
}

/** The lines `name` wrote from its start: for a container the kubelet found already running. */
export function startupLog(name: string, d: DaemonEnv): TimedLine[] {
  return pick(name, d.argv)?.startup(d) ?? []
}

/** An earlier run that ended `ranMs` after its start: the startup lines it had written by then. */
export function earlierLog(name: string, d: DaemonEnv, ranMs: number): TimedLine[] {
  return startupLog(name, d).filter((l) => l.ms <= ranMs)
}

/**
 * The program as a process. `resumed`: the kubelet found it running (its startup lines are
 * already in the log), so it only waits for TERM.
 */
export function systemProgram(name: string, ctx: ProgramContext, resumed = false): Proc {
  const o = ctx.opts
  const d: DaemonEnv = { start: o.host.now(), argv: ctx.argv, env: o.env, random: () => o.host.random() }
  const daemon = pick(name, ctx.argv)
  const pending = resumed || !daemon ? [] : daemon.startup(d)
  let term: number | null = null
  let exitAt = Infinity
  const write = (l: TimedLine) => (l.stream === 'stdout' ? o.stdout : o.stderr).write(l.text + '\n')
  return {
    resume(): Yield {
      const now = o.host.now()
      while (pending.length && d.start + pending[0].ms <= now) write(pending.shift()!)
      if (term !== null && exitAt === Infinity) {
        const s = daemon?.stop?.(d, now - d.start)
        for (const l of s?.lines ?? []) write(l)
        exitAt = now + (s?.ms ?? 0)
      }
      if (now >= exitAt) return { done: true, code: 0 }
      if (pending.length) return { done: false, until: d.start + pending[0].ms }
      if (daemon?.oneShot && !resumed) return { done: true, code: 0 }
      return { done: false, until: exitAt }
    },
    signal(sig: Signal) {
      if ((sig === 'TERM' || sig === 'INT') && term === null) term = o.host.now()
    },
    memoryBytes: () => 0,
  }
}
