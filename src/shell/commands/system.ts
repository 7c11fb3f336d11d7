// Identity and system applets as a busybox container on a Linux 6.8 x86_64 node sees
// them: hostname (the pod's), uname, id/whoami (root), printenv, which, nproc.
// Upstream: busybox networking/hostname.c, coreutils/uname.c, id.c, whoami.c,
// printenv.c, debianutils/which.c, coreutils/nproc.c.
import type { CommandContext } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'

/** The kernel of the simulated nodes (matches their nodeInfo.kernelVersion). */
export const KERNEL_RELEASE = '6.8.0-51-generic'
export const KERNEL_VERSION = '#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024'

/** The UTS hostname: what the runtime wrote to /etc/hostname, else $HOSTNAME. */
export function kernelHostname(ctx: CommandContext): string {
  const n = ctx.fs.lookup('/etc/hostname')
  if (n?.type === 'file' && n.data.trim()) return n.data.trim()
  return ctx.env.get('HOSTNAME') || 'localhost'
}

export function hostname(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'sidfF:' })
  if (typeof p === 'number') return p
  if (p.args.length || p.opts.has('F')) {
    ctx.stderr.write('hostname: sethostname: Operation not permitted\n')
    return 1
  }
  const name = kernelHostname(ctx)
  const o = p.opts
  if (o.has('i')) {
    ctx.stdout.write(addressesOf(ctx, name).join(' ') + ' \n')
    return 0
  }
  const dot = name.indexOf('.')
  if (o.has('s')) ctx.stdout.write((dot < 0 ? name : name.slice(0, dot)) + '\n')
  else if (o.has('d')) ctx.stdout.write((dot < 0 ? '' : name.slice(dot + 1)) + '\n')
  else ctx.stdout.write(name + '\n')
  return 0
}

/** hostname -i: the addresses /etc/hosts gives the name (the kubelet writes the pod IP there). */
function addressesOf(ctx: CommandContext, name: string): string[] {
  const hosts = ctx.fs.lookup('/etc/hosts')
  const out: string[] = []
  if (hosts?.type === 'file')
    for (const line of hosts.data.split('\n')) {
      const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/)
      if (ip && names.includes(name)) out.push(ip)
    }
  return out.length ? out : ['127.0.1.1']
}

export function uname(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'asnrvmpio', long: { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' } })
  if (typeof p === 'number') return p
  if (p.args.length) return usageError(ctx, 'uname', '')
  const o = p.opts
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', kernelHostname(ctx)],
    ['r', KERNEL_RELEASE],
    ['v', KERNEL_VERSION],
    ['m', 'x86_64'],
    ['p', 'unknown'],
    ['i', 'unknown'],
    ['o', 'GNU/Linux'],
  ]
  const all = o.has('a')
  let want = fields.filter(([k]) => o.has(k) || all)
  // -a leaves out -p and -i when they are "unknown", as busybox does.
  if (all) want = want.filter(([k]) => !((k === 'p' || k === 'i') && !o.has(k)))
  if (!want.length) want = [fields[0]]
  ctx.stdout.write(want.map(([, v]) => v).join(' ') + '\n')
  return 0
}

export function id(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'ugGnrZ' })
  if (typeof p === 'number') return p
  const o = p.opts
  if (p.args.length && p.args[0] !== 'root' && p.args[0] !== '0') {
    ctx.stderr.write(`id: unknown user ${p.args[0]}\n`)
    return 1
  }
  const name = o.has('n')
  if (o.has('u')) ctx.stdout.write(name ? 'root\n' : '0\n')
  else if (o.has('g')) ctx.stdout.write(name ? 'root\n' : '0\n')
  else if (o.has('G')) ctx.stdout.write(name ? 'root wheel\n' : '0 10\n')
  else ctx.stdout.write('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n')
  return 0
}

export function whoami(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  if (ctx.argv.length > 1) return usageError(ctx, 'whoami', '')
  ctx.stdout.write('root\n')
  return 0
}

export function printenv(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const names = ctx.argv.slice(1)
  if (!names.length) {
    for (const [k, v] of ctx.env) ctx.stdout.write(`${k}=${v}\n`)
    return 0
  }
  let code = 0
  for (const n of names) {
    const v = ctx.env.get(n)
    if (v === undefined) code = 1
    else ctx.stdout.write(v + '\n')
  }
  return code
}

export function which(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'a' })
  if (typeof p === 'number') return p
  if (!p.args.length) return usageError(ctx, 'which', '')
  const path = (ctx.env.get('PATH') ?? '/sbin:/usr/sbin:/bin:/usr/bin').split(':')
  let code = 0
  for (const name of p.args) {
    const found: string[] = []
    const candidates = name.includes('/') ? [name] : path.map((d) => `${d || '.'}/${name}`)
    for (const c of candidates) {
      const n = ctx.fs.lookup(c, ctx.cwd)
      if (n?.type === 'file' && (n.exec || n.mode & 0o111)) {
        found.push(c)
        if (!p.opts.has('a')) break
      }
    }
    if (!found.length) code = 1
    for (const f of found) ctx.stdout.write(f + '\n')
  }
  return code
}

export function nproc(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: '', long: { all: 'all', 'ignore=': 'ignore' } })
  if (typeof p === 'number') return p
  const ignore = Number(p.opts.get('ignore') ?? 0) || 0
  ctx.stdout.write(`${Math.max(1, 2 - ignore)}\n`)
  return 0
}
