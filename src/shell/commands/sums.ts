// busybox md5sum/sha1sum/sha256sum/sha512sum (hashes and -c checking) and base64.
// Upstream: busybox coreutils/md5_sha1_sum.c, coreutils/uudecode.c (base64).
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { appletName, openInput, readSource, toBytes, utf8Decode } from './util/io.ts'
import { md5, sha1, sha256, sha512 } from './util/hash.ts'
import { usageError, wantsHelp } from './util/usage.ts'

const HASHES: Record<string, (b: number[]) => string> = { md5sum: md5, sha1sum: sha1, sha256sum: sha256, sha512sum: sha512 }

export function* hashsum(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const name = appletName(ctx)
  const hash = HASHES[name]
  const p = parseArgs(ctx, { short: 'csw', long: { check: 'c', status: 's', warn: 'w' } })
  if (typeof p === 'number') return p
  let code = 0
  const files = p.args.length ? p.args : ['-']
  const digest = function* (f: string): Generator<Wait, string | null, void> {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(r.error.code === 'EISDIR' ? `${name}: can't read '${f}': Is a directory\n` : `${name}: can't open '${f}': ${r.error.text}\n`)
      return null
    }
    return hash(toBytes(yield* readSource(r.source)))
  }
  if (!p.opts.has('c')) {
    for (const f of files) {
      const d = yield* digest(f)
      if (d === null) code = 1
      else ctx.stdout.write(`${d}  ${f}\n`)
    }
    return code
  }
  let failed = 0
  let checked = 0
  for (const list of files) {
    const r = openInput(ctx, list)
    if (!r.ok) {
      ctx.stderr.write(`${name}: can't open '${list}': ${r.error.text}\n`)
      code = 1
      continue
    }
    for (const line of (yield* readSource(r.source)).split('\n')) {
      const m = /^([0-9a-fA-F]+) [ *](.*)$/.exec(line)
      if (!m) continue
      const d = yield* digest(m[2])
      const ok = d !== null && d === m[1].toLowerCase()
      checked++
      if (!ok) failed++
      if (!p.opts.has('s')) ctx.stdout.write(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`)
    }
  }
  if (failed) {
    ctx.stderr.write(`${name}: WARNING: ${failed} of ${checked} computed checksums did NOT match\n`)
    code = 1
  }
  return code
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function* base64(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'dw:' })
  if (typeof p === 'number') return p
  if (p.args.length > 1) return usageError(ctx, 'base64', '')
  const f = p.args[0] ?? '-'
  const r = openInput(ctx, f)
  if (!r.ok) {
    ctx.stderr.write(`base64: can't open '${f}': ${r.error.text}\n`)
    return 1
  }
  const text = yield* readSource(r.source)
  if (p.opts.has('d')) {
    // Only whole groups of four are decoded; a dangling group is "truncated input".
    const digits: number[] = []
    for (const c of text) {
      const d = B64.indexOf(c)
      if (d >= 0) digits.push(d)
      else if (c === '=') while (digits.length % 4) digits.push(-1)
    }
    const bytes: number[] = []
    for (let i = 0; i + 4 <= digits.length; i += 4) {
      const [a, b, c, d] = digits.slice(i, i + 4)
      const v = (a << 18) | (b << 12) | (Math.max(c, 0) << 6) | Math.max(d, 0)
      bytes.push((v >> 16) & 0xff)
      if (c >= 0) bytes.push((v >> 8) & 0xff)
      if (d >= 0) bytes.push(v & 0xff)
    }
    ctx.stdout.write(utf8Decode(bytes))
    if (digits.length % 4) {
      ctx.stderr.write('base64: truncated input\n')
      return 1
    }
    return 0
  }
  const width = p.opts.has('w') ? Number(p.opts.get('w')) : 76
  const bytes = toBytes(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(v >> 18) & 63] + B64[(v >> 12) & 63] + (i + 1 < bytes.length ? B64[(v >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[v & 63] : '=')
  }
  if (width > 0 && out) out = out.replace(new RegExp(`(.{${width}})(?=.)`, 'g'), '$1\n') + '\n'
  ctx.stdout.write(out)
  return 0
}
