// Redirections (POSIX 2.7, ash's redirect/openredirect): open files in the
// virtual filesystem, here-documents, dups and closes, with busybox's error
// texts ("can't create /x/y: nonexistent directory"). /dev files are virtual.
import type { Wait } from '../api.ts'
import { FsError, normalize } from '../fs/vfs.ts'
import type { Redir } from '../parse/ast.ts'
import { expandString } from './expand-async.ts'
import type { Fd, Sh } from './sh.ts'
import { EMPTY_INPUT, FileOutput, NULL_OUTPUT, StringInput } from './streams.ts'

export type Saved = [number, Fd | undefined][]

/** How much of /dev/zero or /dev/urandom a reader gets (a real read would never end). */
const DEV_STREAM_BYTES = 1024 * 1024

/** Apply redirections; null (after printing the error and undoing) when one fails. */
export function* applyRedirs(sh: Sh, redirs: Redir[]): Generator<Wait, Saved | null, void> {
  const saved: Saved = []
  for (const r of redirs) {
    let fd: Fd | undefined | null
    if (r.op === '<<' || r.op === '<<-') {
      const text = r.body ? yield* expandString(sh, r.body) : ''
      fd = { r: new StringInput(text) }
    } else if (r.op === '<<<') {
      fd = { r: new StringInput((yield* expandString(sh, r.target)) + '\n') }
    } else {
      const target = yield* expandString(sh, r.target)
      if (r.op === '<&' || r.op === '>&') {
        if (target === '-') fd = undefined
        else if (/^[0-9]+$/.test(target)) {
          fd = sh.fds[Number(target)]
          if (!fd) {
            sh.error(`${target}: Bad file descriptor`)
            restoreRedirs(sh, saved)
            return null
          }
        } else fd = open(sh, target, r.op === '<&' ? '<' : '>')
      } else fd = open(sh, target, r.op)
      if (fd === null) {
        restoreRedirs(sh, saved)
        return null
      }
    }
    if (r.op === '&>') {
      saved.push([1, sh.fds[1]], [2, sh.fds[2]])
      sh.fds[1] = fd
      sh.fds[2] = fd
      continue
    }
    saved.push([r.fd, sh.fds[r.fd]])
    sh.fds[r.fd] = fd
  }
  return saved
}

export function restoreRedirs(sh: Sh, saved: Saved): void {
  for (let i = saved.length - 1; i >= 0; i--) sh.fds[saved[i][0]] = saved[i][1]
}

/** Open a file for a redirection operator; null after printing the error. */
export function open(sh: Sh, path: string, op: string): Fd | null {
  const dev = openDevice(sh, path, op)
  if (dev !== undefined) return dev
  const fs = sh.p.fs
  const abs = normalize(path, sh.cwd)
  const reading = op === '<'
  try {
    if (reading) {
      const node = fs.stat(abs)
      return { r: new StringInput(node.type === 'file' ? node.data : '') }
    }
    const existing = fs.lookup(abs)
    if (existing?.type === 'dir') throw new FsError('EISDIR', path)
    if (op === '>' && sh.opts.C && existing) {
      sh.error(`can't create ${path}: File exists`)
      return null
    }
    if (op === '>>' || op === '<>') {
      if (!existing) fs.writeFile(abs, '')
    } else fs.writeFile(abs, '')
    const out = new FileOutput((s) => fs.writeFile(abs, s, '/', true))
    if (op === '<>') {
      const node = fs.lookup(abs)
      return { r: new StringInput(node?.type === 'file' ? node.data : ''), w: out }
    }
    return { w: out }
  } catch (e) {
    if (!(e instanceof FsError)) throw e
    sh.error(`can't ${reading ? 'open' : 'create'} ${path}: ${openErrorText(e, reading)}`)
    return null
  }
}

/** busybox's errmsg(): ENOENT reads "no such file" on open and "nonexistent directory" on create. */
function openErrorText(e: FsError, reading: boolean): string {
  if (e.code === 'ENOENT') return reading ? 'no such file' : 'nonexistent directory'
  return e.text
}

function openDevice(sh: Sh, path: string, op: string): Fd | undefined {
  if (!path.startsWith('/dev/')) return undefined
  switch (path) {
    case '/dev/null':
      return op === '<' ? { r: EMPTY_INPUT } : { w: NULL_OUTPUT }
    case '/dev/zero':
      return op === '<' ? { r: new StringInput('\0'.repeat(DEV_STREAM_BYTES)) } : { w: NULL_OUTPUT }
    case '/dev/stdin':
      return sh.fds[0]
    case '/dev/stdout':
      return sh.fds[1]
    case '/dev/stderr':
      return sh.fds[2]
    case '/dev/tty':
      return op === '<' ? { r: EMPTY_INPUT } : sh.fds[2]
  }
  const m = /^\/dev\/fd\/([0-9]+)$/.exec(path)
  if (m) return sh.fds[Number(m[1])]
  return undefined
}
