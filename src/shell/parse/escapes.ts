// The backslash escapes of $'…' quoting (bash's ANSI-C quoting, which busybox
// ash supports): \n \t \xHH \NNN and friends.

/** Decode one backslash escape of $'…' at `i` (after the backslash): [text, length]. */
export function ansiEscape(s: string, i: number): [string, number] {
  const c = s[i]
  const simple: Record<string, string> = {
    a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
    '\\': '\\', "'": "'", '"': '"', '?': '?',
  }
  if (c === undefined) return ['\\', 0]
  if (c in simple) return [simple[c], 1]
  if (/[0-7]/.test(c)) {
    let j = i
    while (j < i + 3 && /[0-7]/.test(s[j] ?? '')) j++
    return [String.fromCharCode(parseInt(s.slice(i, j), 8) & 0xff), j - i]
  }
  if (c === 'x') {
    let j = i + 1
    while (j < i + 3 && /[0-9a-fA-F]/.test(s[j] ?? '')) j++
    if (j === i + 1) return ['\\x', 1]
    return [String.fromCharCode(parseInt(s.slice(i + 1, j), 16)), j - i]
  }
  return ['\\' + c, 1]
}
