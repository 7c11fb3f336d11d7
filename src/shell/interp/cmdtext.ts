// A command as bash prints it back in job notices and `jobs` ("sleep 30 > /dev/null 2>&1",
// "( sleep 1; echo a ) | cat"): words with their quotes, one space between, redirections
// after the words. Upstream: bash print_cmd.c (make_command_string), for the common shapes.
import type { Cmd, List, Part, Redir, Word } from '../parse/ast.ts'

export function commandText(cmd: Cmd): string {
  switch (cmd.k) {
    case 'simple': {
      const words = [...cmd.assigns.map((a) => `${a.name}=${wordText(a.value)}`), ...cmd.words.map(wordText)]
      return [...words, ...cmd.redirs.map(redirText)].join(' ')
    }
    case 'pipe':
      return (cmd.bang ? '! ' : '') + cmd.cmds.map(commandText).join(' | ')
    case 'andor':
      return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ')
    case 'list':
      return listText(cmd)
    case 'subshell':
      return withRedirs(`( ${listText(cmd.body)} )`, cmd.redirs)
    case 'group':
      return withRedirs(`{ ${listText(cmd.body)}; }`, cmd.redirs)
    case 'if':
      return withRedirs(`if ${cmd.clauses.map((c) => `${listText(c.cond)}; then ${listText(c.body)}`).join('; elif ')}${cmd.else ? `; else ${listText(cmd.else)}` : ''}; fi`, cmd.redirs)
    case 'while':
    case 'until':
      return withRedirs(`${cmd.k} ${listText(cmd.cond)}; do ${listText(cmd.body)}; done`, cmd.redirs)
    case 'for':
      return withRedirs(`for ${cmd.name}${cmd.items ? ` in ${cmd.items.map(wordText).join(' ')}` : ''}; do ${listText(cmd.body)}; done`, cmd.redirs)
    case 'case':
      return withRedirs(`case ${wordText(cmd.word)} in ${cmd.items.map((i) => `${i.patterns.map(wordText).join(' | ')}) ${i.body ? listText(i.body) : ''};;`).join(' ')} esac`, cmd.redirs)
    case 'func':
      return `${cmd.name} () ${commandText(cmd.body)}`
    case 'arithcmd':
      return `(( ${wordText(cmd.expr)} ))`
    case 'cfor':
      return `for (( ${wordText(cmd.init)}; ${wordText(cmd.cond)}; ${wordText(cmd.step)} )); do ${listText(cmd.body)}; done`
    case 'cond':
      return '[[ ... ]]'
  }
}

function listText(list: List): string {
  return list.items.map((i) => commandText(i.cmd) + (i.bg ? ' &' : '')).join('; ').replace(/ &; /g, ' & ')
}

function withRedirs(text: string, redirs: Redir[]): string {
  return redirs.length ? `${text} ${redirs.map(redirText).join(' ')}` : text
}

function redirText(r: Redir): string {
  const defaultFd = r.op[0] === '<' ? 0 : 1
  const fd = r.fd === defaultFd || r.op === '&>' ? '' : String(r.fd)
  if (r.op === '<<' || r.op === '<<-') return `${fd}${r.op}${wordText(r.target)}`
  if (r.op === '>&' || r.op === '<&') return `${fd}${r.op}${wordText(r.target)}`
  return `${fd}${r.op} ${wordText(r.target)}`
}

function wordText(w: Word): string {
  return w.parts.map((p) => partText(p, false)).join('')
}

function partText(p: Part, inDq: boolean): string {
  switch (p.k) {
    case 'lit':
      return p.v
    case 'q':
      if (inDq) return p.v
      // A backslash-escaped character is a one-character quoted part.
      return p.v.length === 1 && /[^\w]/.test(p.v) ? `\\${p.v}` : `'${p.v}'`
    case 'dq':
      return `"${p.parts.map((q) => partText(q, true)).join('')}"`
    case 'param': {
      if (p.op === '' && !p.colon) return `$${p.name}`
      if (p.op === 'len') return `\${#${p.name}}`
      return `\${${p.name}${p.colon ? ':' : ''}${p.op}${p.arg ? wordText(p.arg) : ''}}`
    }
    case 'cmd':
    {
      const inner = p.body.items.map((i) => (i.k === 'error' ? '' : listText(i))).join('; ')
      return p.bt ? `\`${inner}\`` : `$(${inner})`
    }
    case 'arith':
      return `$(( ${wordText(p.expr)} ))`
    case 'tilde':
      return `~${p.user}`
  }
}
