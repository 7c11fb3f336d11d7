// bc beyond what the busybox corpus checks: -l's scale, programs in files, and an
// honest message for the parts of the language the lab does not simulate.
import { describe, expect, it } from 'vitest'
import { bc } from './bc.ts'
import { run } from './test-helpers.ts'

describe('bc', () => {
  it('-l divides at scale 20', () => {
    const r = run(bc, ['bc', '-l'], { stdin: '10/3\n2/8\n' })
    expect([r.stdout, r.stderr, r.code]).toEqual(['3.33333333333333333333\n.25000000000000000000\n', '', 0])
  })

  it('runs a program file, then standard input, and stops at quit', () => {
    const r = run(bc, ['bc', 'prog.bc'], { files: { 'prog.bc': 'scale=1\nx=7/2\nx\n' }, stdin: 'x*2\nquit\nx*3\n' })
    expect([r.stdout, r.code]).toEqual(['3.5\n7.0\n', 0])
  })

  it('says what it does not simulate instead of pretending', () => {
    const r = run(bc, ['bc'], { stdin: '1+1\ndefine f(x) { return x*2 }\n' })
    expect([r.stdout, r.stderr, r.code]).toEqual(['2\n', "bc: batchlab does not simulate bc's define; expressions, variables and scale work\n", 1])
  })

  it('a missing file is an error before anything runs', () => {
    const r = run(bc, ['bc', 'nope.bc'], { stdin: '1\n' })
    expect([r.stdout, r.stderr, r.code]).toEqual(['', "bc: can't open 'nope.bc': No such file or directory\n", 1])
  })
})
