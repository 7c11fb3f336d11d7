// $(VAR) expansion of command, args and env (third_party/forked/golang/expansion/expand.go): mappings
// in order, $$ escapes, unknown or unterminated references kept as written, shell syntax untouched.

/** The lookup upstream's MappingFuncFor builds: first map that has the name wins, else "$(NAME)". */
export function mappingFor(...contexts: ReadonlyMap<string, string>[]): (name: string) => string {
  return (name) => {
    for (const c of contexts) {
      const v = c.get(name)
      if (v !== undefined) return v
    }
    return '$(' + name + ')'
  }
}

export function expand(input: string, mapping: (name: string) => string): string {
  if (input.indexOf('$') < 0) return input
  let out = ''
  let checkpoint = 0
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue
    out += input.slice(checkpoint, cursor)
    const next = input[cursor + 1]
    if (next === '$') {
      out += '$'
      cursor += 1
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2)
      if (close < 0) {
        out += '$('
        cursor += 1
      } else {
        out += mapping(input.slice(cursor + 2, close))
        cursor = close
      }
    } else {
      out += '$' + next
      cursor += 1
    }
    checkpoint = cursor + 1
  }
  return out + input.slice(checkpoint)
}
