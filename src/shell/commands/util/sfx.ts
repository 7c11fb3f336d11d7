// Numbers with busybox's size suffixes (head -c 2k, tail -n 1b).
// Upstream: busybox libbb/xatonum.c (bkm_suffixes).

const BKM: Record<string, number> = { b: 512, k: 1024, m: 1024 * 1024 }

/** An unsigned count with an optional b/k/m suffix, or null. */
export function parseBkm(s: string): number | null {
  const m = /^(\d+)([bkm]?)$/.exec(s)
  if (!m) return null
  const n = Number(m[1]) * (m[2] ? BKM[m[2]] : 1)
  return Number.isSafeInteger(n) ? n : null
}
