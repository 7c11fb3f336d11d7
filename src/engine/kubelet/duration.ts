// Go's time.Duration.String() for whole milliseconds, as the kubelet prints
// durations in messages ("1.03s", "830ms", "5m0s", "2m40s").

export function goDuration(ms: number): string {
  ms = Math.trunc(ms)
  if (ms === 0) return '0s'
  const neg = ms < 0
  if (neg) ms = -ms
  let s: string
  if (ms < 1000) s = ms + 'ms'
  else {
    const h = Math.floor(ms / 3_600_000)
    const m = Math.floor((ms % 3_600_000) / 60_000)
    const rest = ms % 60_000
    let sec = String(Math.floor(rest / 1000))
    const frac = rest % 1000
    if (frac) sec += '.' + String(frac).padStart(3, '0').replace(/0+$/, '')
    s = h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`
  }
  return neg ? '-' + s : s
}
