// Shell arithmetic $(( )), after busybox's shell/math.c: C operators on 64-bit
// integers, variables evaluated as expressions, ash's error texts. Parses are
// cached by text; numbers are doubles, BigInt only past the safe-integer range.

export type Num = number | bigint

type Node =
  | { k: 'n'; v: Num }
  | { k: 'v'; name: string }
  | { k: 'u'; op: string; a: Node }
  | { k: 'b'; op: string; a: Node; b: Node }
  | { k: '?'; c: Node; a: Node; b: Node }
  | { k: '='; op: string; name: string; b: Node }
  | { k: 'inc'; name: string; d: 1 | -1; post: boolean }

export class ArithError {
  constructor(readonly message: string) {}
}

export interface ArithEnv {
  get(name: string): string | undefined
  set(name: string, value: string): void
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '<=': 7, '>': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
}
const ASSIGN_OPS = ['<<=', '>>=', '**=', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '=']
const TOKEN = /\s*(0[xX][0-9a-zA-Z]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9][0-9a-zA-Z]*|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*=|\*\*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|[-+*/%()<>=!~?:,&|^])/y

const cache = new Map<string, Node | null>()

function syntax(): never {
  throw new ArithError('arithmetic syntax error')
}

/** Parse a literal the way math.c does: decimal, 0x hex, 0 octal, base#digits; undefined if not a number. */
export function parseNumber(s: string): Num | undefined {
  let m = /^0[xX]([0-9a-fA-F]+)$/.exec(s)
  if (m) return big(BigInt('0x' + m[1]))
  if (/^0[0-7]*$/.test(s)) return big(BigInt('0o' + (s.slice(1) || '0')))
  if (/^[1-9][0-9]*$/.test(s)) return s.length < 16 ? Number(s) : big(BigInt(s))
  m = /^([0-9]+)#([0-9a-zA-Z@_]+)$/.exec(s)
  if (m) {
    const base = Number(m[1])
    if (base < 2 || base > 64) return undefined
    let v = 0n
    for (const c of m[2]) {
      const d = digitValue(c, base)
      if (d < 0 || d >= base) return undefined
      v = v * BigInt(base) + BigInt(d)
    }
    return big(v)
  }
  return undefined
}

function digitValue(c: string, base: number): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48
  if (c >= 'a' && c <= 'z') return c.charCodeAt(0) - 87
  if (c >= 'A' && c <= 'Z') return base <= 36 ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 29
  if (c === '@') return 62
  if (c === '_') return 63
  return -1
}

/** Wrap to int64 and use a plain number when it is exact. */
function big(v: bigint): Num {
  const w = BigInt.asIntN(64, v)
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w
}

function parse(text: string): Node | null {
  const toks: string[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(text)
    if (!m) syntax()
    toks.push(m[1])
    pos = TOKEN.lastIndex
  }
  if (!toks.length) return null
  let i = 0
  const peek = (): string | undefined => toks[i]

  const primary = (): Node => {
    const t = toks[i++]
    if (t === undefined) syntax()
    if (t === '(') {
      const e = comma()
      if (toks[i++] !== ')') syntax()
      return e
    }
    if (t === '++' || t === '--') {
      const n = toks[i++]
      if (n === undefined || !/^[A-Za-z_]/.test(n)) syntax()
      return { k: 'inc', name: n, d: t === '++' ? 1 : -1, post: false }
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') return { k: 'u', op: t, a: unary() }
    if (/^[0-9]/.test(t)) {
      const v = parseNumber(t)
      if (v === undefined) syntax()
      return { k: 'n', v }
    }
    if (/^[A-Za-z_]/.test(t)) {
      const n = peek()
      if (n === '++' || n === '--') {
        i++
        return { k: 'inc', name: t, d: n === '++' ? 1 : -1, post: true }
      }
      return { k: 'v', name: t }
    }
    return syntax()
  }
  const unary = (): Node => primary()

  const binary = (minPrec: number): Node => {
    let left = unary()
    for (;;) {
      const op = peek()
      const prec = op === undefined ? undefined : BINARY[op]
      if (prec === undefined || prec < minPrec) return left
      i++
      const right = op === '**' ? binary(prec) : binary(prec + 1)
      left = { k: 'b', op: op as string, a: left, b: right }
    }
  }

  const ternary = (): Node => {
    const c = binary(1)
    if (peek() !== '?') return c
    i++
    const a = assign()
    if (toks[i++] !== ':') syntax()
    const b = assign()
    return { k: '?', c, a, b }
  }

  const assign = (): Node => {
    const t = toks[i]
    const op = toks[i + 1]
    if (t !== undefined && /^[A-Za-z_]/.test(t) && op !== undefined && ASSIGN_OPS.includes(op)) {
      i += 2
      return { k: '=', op: op.slice(0, -1), name: t, b: assign() }
    }
    return ternary()
  }

  const comma = (): Node => {
    let e = assign()
    while (peek() === ',') {
      i++
      e = { k: 'b', op: ',', a: e, b: assign() }
    }
    return e
  }

  const e = comma()
  if (i !== toks.length) syntax()
  return e
}

/** Evaluate an arithmetic expression text; throws ArithError with ash's message. */
export function evalArith(text: string, env: ArithEnv): Num {
  let node = cache.get(text)
  if (node === undefined) {
    node = parse(text)
    if (cache.size > 2000) cache.clear()
    cache.set(text, node)
  }
  if (!node) return 0
  return new Evaluator(env).eval(node)
}

class Evaluator {
  private active = new Set<string>()
  constructor(private env: ArithEnv) {}

  eval(n: Node): Num {
    switch (n.k) {
      case 'n':
        return n.v
      case 'v':
        return this.variable(n.name)
      case 'u':
        return unaryOp(n.op, this.eval(n.a))
      case 'b':
        return this.binary(n)
      case '?':
        return truthy(this.eval(n.c)) ? this.eval(n.a) : this.eval(n.b)
      case '=': {
        const r = this.eval(n.b)
        const v = n.op ? binaryOp(n.op, this.variable(n.name), r) : r
        this.env.set(n.name, String(v))
        return v
      }
      case 'inc': {
        const old = this.variable(n.name)
        const v = binaryOp('+', old, n.d)
        this.env.set(n.name, String(v))
        return n.post ? old : v
      }
    }
  }

  private binary(n: { op: string; a: Node; b: Node }): Num {
    if (n.op === '&&') return truthy(this.eval(n.a)) && truthy(this.eval(n.b)) ? 1 : 0
    if (n.op === '||') return truthy(this.eval(n.a)) || truthy(this.eval(n.b)) ? 1 : 0
    if (n.op === ',') {
      this.eval(n.a)
      return this.eval(n.b)
    }
    return binaryOp(n.op, this.eval(n.a), this.eval(n.b))
  }

  private variable(name: string): Num {
    const s = this.env.get(name)
    if (s === undefined || s === '') return 0
    const direct = parseNumber(s.trim())
    if (direct !== undefined) return direct
    if (this.active.has(name)) throw new ArithError('expression recursion loop detected')
    this.active.add(name)
    try {
      const node = parse(s)
      return node ? this.eval(node) : 0
    } finally {
      this.active.delete(name)
    }
  }
}

function truthy(v: Num): boolean {
  return v !== 0 && v !== 0n
}

function unaryOp(op: string, a: Num): Num {
  switch (op) {
    case '-':
      return typeof a === 'number' ? (a === 0 ? 0 : -a) : big(-a)
    case '+':
      return a
    case '!':
      return truthy(a) ? 0 : 1
    default:
      return big(~BigInt(a))
  }
}

function binaryOp(op: string, a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    let r: number
    switch (op) {
      case '+': r = a + b; break
      case '-': r = a - b; break
      case '*': r = a * b; break
      case '/':
        if (b === 0) throw new ArithError('divide by zero')
        if (Math.abs(a) > 0x7fffffff) return bigOp(op, BigInt(a), BigInt(b))
        r = Math.trunc(a / b)
        break
      case '%':
        if (b === 0) throw new ArithError('divide by zero')
        r = a % b
        break
      case '<': return a < b ? 1 : 0
      case '<=': return a <= b ? 1 : 0
      case '>': return a > b ? 1 : 0
      case '>=': return a >= b ? 1 : 0
      case '==': return a === b ? 1 : 0
      case '!=': return a !== b ? 1 : 0
      default:
        return bigOp(op, BigInt(a), BigInt(b))
    }
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r
  }
  return bigOp(op, BigInt(a), BigInt(b))
}

function bigOp(op: string, a: bigint, b: bigint): Num {
  switch (op) {
    case '+': return big(a + b)
    case '-': return big(a - b)
    case '*': return big(a * b)
    case '/':
      if (b === 0n) throw new ArithError('divide by zero')
      return big(a / b)
    case '%':
      if (b === 0n) throw new ArithError('divide by zero')
      return big(a % b)
    case '**':
      if (b < 0n) throw new ArithError('exponent less than 0')
      return big(pow(a, b))
    case '<<': return big(a << (b & 63n))
    case '>>': return big(a >> (b & 63n))
    case '&': return big(a & b)
    case '|': return big(a | b)
    case '^': return big(a ^ b)
    case '<': return a < b ? 1 : 0
    case '<=': return a <= b ? 1 : 0
    case '>': return a > b ? 1 : 0
    case '>=': return a >= b ? 1 : 0
    case '==': return a === b ? 1 : 0
    case '!=': return a !== b ? 1 : 0
  }
  return syntax()
}

/** a ** b wrapped to 64 bits at every step, as C would. */
function pow(a: bigint, b: bigint): bigint {
  let r = 1n
  let base = BigInt.asIntN(64, a)
  let e = b
  while (e > 0n) {
    if (e & 1n) r = BigInt.asIntN(64, r * base)
    base = BigInt.asIntN(64, base * base)
    e >>= 1n
  }
  return r
}
