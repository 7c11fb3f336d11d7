// Number parsing as busybox's xatoi family does it, with its error texts.
// Upstream: busybox libbb/xatonum_template.c.

/** A non-negative decimal integer, or null (busybox: "invalid number 'x'"). */
export function parseUint(s: string): number | null {
  if (!/^\d+$/.test(s)) return null
  const n = Number(s)
  return n <= 0x7fffffff ? n : null
}
