// Cutting a terminal script into the commands a person would type: a line, or
// several when the first is unfinished (an open quote, a here-document, `if`
// without `fi`), exactly where the terminal would show its continuation prompt.

export function scriptCommands(text: string, needsMore: (t: string) => boolean): string[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const out: string[] = []
  let cur: string[] = []
  for (const l of lines) {
    cur.push(l)
    const joined = cur.join('\n')
    if (needsMore(joined)) continue
    out.push(joined)
    cur = []
  }
  if (cur.length) out.push(cur.join('\n'))
  return out
}
