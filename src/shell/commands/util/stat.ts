// What stat(2) would report for a VFS node: sizes in bytes as UTF-8 stores them,
// 4 KiB filesystem blocks, link counts, the mode string; every file belongs to root.
// Upstream: busybox libbb/mode_string.c; ext4/overlayfs block accounting.
import type { Node } from '../../fs/vfs.ts'
import { utf8Length } from './io.ts'

export const BLOCK = 4096

/** st_size: a directory is one 4 KiB block, a file its UTF-8 length. */
export function nodeSize(n: Node): number {
  return n.type === 'dir' ? BLOCK : utf8Length(n.data)
}

/** st_blocks, in 512-byte units (whole 4 KiB blocks). */
export function nodeBlocks(n: Node): number {
  return Math.ceil(nodeSize(n) / BLOCK) * (BLOCK / 512)
}

/** st_nlink: a directory has its name, its `.` and every subdirectory's `..`. */
export function nodeLinks(n: Node): number {
  if (n.type !== 'dir') return 1
  let subdirs = 0
  for (const c of n.entries.values()) if (c.type === 'dir') subdirs++
  return 2 + subdirs
}

/** `drwxr-xr-x`, as ls -l prints it. */
export function modeString(n: Node): string {
  const m = n.mode
  const bits = 'rwxrwxrwx'
  let s = n.type === 'dir' ? 'd' : '-'
  for (let i = 0; i < 9; i++) s += m & (1 << (8 - i)) ? bits[i] : '-'
  // setuid, setgid and sticky show in the x column: s/t over x, S/T without it
  // (busybox libbb/mode_string.c, GNU gnulib filemodestring).
  const special = (col: number, bit: number, on: string) => {
    if (!(m & bit)) return
    s = s.slice(0, col) + (s[col] === 'x' ? on : on.toUpperCase()) + s.slice(col + 1)
  }
  special(3, 0o4000, 's')
  special(6, 0o2000, 's')
  special(9, 0o1000, 't')
  return s
}

/** busybox's make_human_readable_str(val, block_size, 0): 4.9K, 1.0M, or 4K without fractions. */
export function humanSize(val: number, fractions = true): string {
  if (val === 0) return '0'
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E']
  let u = 0
  let frac = 0
  while (val >= 1024) {
    frac = Math.floor((((val % 1024) * 10) + 512) / 1024)
    val = Math.floor(val / 1024)
    u++
  }
  if (frac >= 10) {
    val++
    frac = 0
  }
  if (u === 0) return String(val)
  if (!fractions) return `${val + (frac >= 5 ? 1 : 0)}${units[u]}`
  return `${val}.${frac}${units[u]}`
}

/**
 * GNU's human-readable size (ls -h, du -h): powers of 1024, rounded up, one
 * decimal below 10 (1025 -> 1.1K, 5000 -> 4.9K, 10241 -> 11K). Upstream: gnulib human.c.
 */
export function gnuHumanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes)
  const units = ['K', 'M', 'G', 'T', 'P', 'E']
  let u = 0
  let scale = 1024
  while (bytes / scale >= 1024 && u < units.length - 1) {
    scale *= 1024
    u++
  }
  const x = bytes / scale
  if (x < 10) {
    const tenths = Math.ceil((bytes * 10) / scale)
    if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${units[u]}`
    return `10${units[u]}`
  }
  const whole = Math.ceil(x)
  if (whole >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`
  return `${whole}${units[u]}`
}
