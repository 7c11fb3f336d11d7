// The line matching busybox diff does (the Harbison-Stone algorithm of BSD diff):
// for each line of the old file, the line of the new file it stays as, or 0. Which
// of several equally long matchings wins decides which lines a hunk shows, so this
// follows busybox's steps (common prefix and suffix set aside, lines in classes of
// equal lines, candidates kept per k-length, bounded tries) rather than any LCS.
// Upstream: busybox editors/diff.c (create_J, equiv, stone, search).

interface Cand {
  x: number
  y: number
  pred: number
}

/** Where in `list` (through `c`) a candidate with `y` goes: a binary search on y. */
function search(c: number[], k: number, y: number, list: Cand[]): number {
  if (list[c[k]].y < y) return k + 1
  let i = 0
  let j = k + 1
  for (;;) {
    const l = (i + j) >> 1
    if (l <= i) return l + 1
    const t = list[c[l]].y
    if (t > y) j = l
    else if (t < y) i = l
    else return l
  }
}

/**
 * J[i] (1-based, J[0] = 0, J[n+1] = m+1) for old lines `a` and new lines `b`
 * compared by key. `minimal` (-d) lifts the bound on tries per line.
 */
export function matchLines(a: string[], b: string[], minimal: boolean): number[] {
  const n = a.length
  const m = b.length
  let pref = 0
  while (pref < n && pref < m && a[pref] === b[pref]) pref++
  let suff = 0
  while (suff < n - pref && suff < m - pref && a[n - 1 - suff] === b[m - 1 - suff]) suff++
  const sa = a.slice(pref, n - suff)
  const sb = b.slice(pref, m - suff)
  // The new file's lines by class (equal lines together, in file order within one):
  // member[j] is -line for the first of a class, +line for the rest, -1 after the last.
  const order = sb.map((_, i) => i + 1).sort((x, y) => (sb[x - 1] < sb[y - 1] ? -1 : sb[x - 1] > sb[y - 1] ? 1 : x - y))
  const member: number[] = [0]
  const first = new Map<string, number>()
  order.forEach((line, k) => {
    const key = sb[line - 1]
    if (!first.has(key)) {
      first.set(key, k + 1)
      member.push(-line)
    } else member.push(line)
  })
  member.push(-1)
  // Each old line's class: where its class starts among the new lines, or 0.
  const cls = [0, ...sa.map((key) => first.get(key) ?? 0)]

  const J = new Array<number>(n + 2).fill(0)
  const delta = m - n
  for (let i = 0; i <= n; i++) J[i] = i <= pref ? i : i > n - suff ? i + delta : 0

  const bound = minimal ? Infinity : Math.max(256, Math.floor(Math.sqrt(sa.length)))
  const clist: Cand[] = [{ x: 0, y: 0, pred: 0 }]
  const klist = new Array<number>(sa.length + 2).fill(0)
  let k = 0
  for (let x = 1; x <= sa.length; x++) {
    let j = cls[x]
    if (j === 0) continue
    let y = -member[j]
    let pred = klist[0]
    let oldl = 0
    let tries = 0
    do {
      if (y <= clist[pred].y) continue
      const l = search(klist, k, y, clist)
      if (l !== oldl + 1) pred = klist[l - 1]
      if (l <= k && clist[klist[l]].y <= y) continue
      clist.push({ x, y, pred })
      const tc = klist[l]
      klist[l] = clist.length - 1
      if (l <= k) {
        pred = tc
        oldl = l
        tries++
      } else {
        k++
        break
      }
    } while ((y = member[++j]) > 0 && tries < bound)
  }
  for (let q = clist[klist[k]]; q.y; q = clist[q.pred]) J[q.x + pref] = q.y + pref
  J[n + 1] = m + 1
  return J
}
