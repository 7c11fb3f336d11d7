// Command-line flags as cobra and spf13/pflag parse them: flags anywhere, --flag=v and --flag v,
// short bundles (-it, -nkube-system), `--`, pflag's errors. Upstream: spf13/pflag flag.go
// (parseLongArg, parseShortArg), spf13/cobra command.go (stripFlags).

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice' | 'stringArray'
export type FlagValue = boolean | string | number | string[]

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  /** Default value; for `duration` a Go duration string such as '0s'. */
  default?: FlagValue
  usage: string
  /** Value used when the flag is given without one (`-w`, `--all`): 'true' for bools. */
  noOptDefault?: string
  hidden?: boolean
  /** Set when the flag is deprecated: pflag prints "Flag --x has been deprecated, <text>". */
  deprecated?: string
}

export class FlagError extends Error {}

const BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (BOOL_TRUE.has(s)) return true
  if (BOOL_FALSE.has(s)) return false
  return undefined
}

/** strconv.ParseInt(s, 0, 64) as pflag's int flags call it; returns the Go error text on failure. */
export function parseGoInt(s: string): number | string {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*|0)$/.exec(s)
  if (!m || /__|_$|^[+-]?_/.test(s)) return `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`
  const digits = m[2].replace(/_/g, '')
  let v: number
  if (/^0[xX]/.test(digits)) v = parseInt(digits.slice(2), 16)
  else if (/^0[bB]/.test(digits)) v = parseInt(digits.slice(2), 2)
  else if (/^0[oO]/.test(digits)) v = parseInt(digits.slice(2), 8)
  else if (digits.length > 1 && digits[0] === '0') v = parseInt(digits.slice(1), 8)
  else v = parseInt(digits, 10)
  if (!Number.isSafeInteger(v)) return `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`
  return m[1] === '-' ? -v : v
}

/** The parsed flags of one command line. */
export class ParsedFlags {
  private values = new Map<string, FlagValue>()
  private set = new Set<string>()
  /** Deprecation warnings pflag printed while parsing (stderr). */
  readonly warnings: string[] = []

  constructor(readonly specs: ReadonlyMap<string, FlagSpec>) {
    for (const s of specs.values()) this.values.set(s.name, defaultOf(s))
  }

  /** Was the flag given on the command line? (pflag's Changed) */
  changed(name: string): boolean {
    return this.set.has(name)
  }

  bool(name: string): boolean {
    return this.values.get(name) === true
  }

  string(name: string): string {
    const v = this.values.get(name)
    return typeof v === 'string' ? v : ''
  }

  int(name: string): number {
    const v = this.values.get(name)
    return typeof v === 'number' ? v : 0
  }

  strings(name: string): string[] {
    const v = this.values.get(name)
    return Array.isArray(v) ? v : []
  }

  /** Duration flags are kept as their Go text; see duration.ts parseGoDuration. */
  duration(name: string): string {
    return this.string(name)
  }

  has(name: string): boolean {
    return this.specs.has(name)
  }

  assign(spec: FlagSpec, raw: string, display: string): void {
    const name = spec.name
    switch (spec.type) {
      case 'bool': {
        const b = parseGoBool(raw)
        if (b === undefined) throw invalidArg(raw, display, `strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`)
        this.values.set(name, b)
        break
      }
      case 'int': {
        const n = parseGoInt(raw)
        if (typeof n === 'string') throw invalidArg(raw, display, n)
        this.values.set(name, n)
        break
      }
      case 'string':
      case 'duration':
        this.values.set(name, raw)
        break
      case 'stringSlice': {
        const items = raw === '' ? [] : splitCsv(raw)
        this.values.set(name, this.set.has(name) ? [...this.strings(name), ...items] : items)
        break
      }
      case 'stringArray':
        this.values.set(name, this.set.has(name) ? [...this.strings(name), raw] : [raw])
        break
    }
    this.set.add(name)
    if (spec.deprecated) this.warnings.push(`Flag --${name} has been deprecated, ${spec.deprecated}`)
  }
}

function defaultOf(s: FlagSpec): FlagValue {
  if (s.default !== undefined) return s.default
  switch (s.type) {
    case 'bool':
      return false
    case 'int':
      return 0
    case 'stringSlice':
    case 'stringArray':
      return []
    default:
      return ''
  }
}

/** encoding/csv of one record, as pflag's stringSlice reads its value. */
function splitCsv(s: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"' && cur === '') quoted = true
    else if (c === ',') {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

function invalidArg(value: string, display: string, why: string): FlagError {
  return new FlagError(`invalid argument ${JSON.stringify(value)} for "${display}" flag: ${why}`)
}

function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`
}

export interface ParseResult {
  flags: ParsedFlags
  args: string[]
  /** Number of positional arguments before `--`, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number
}

/** A set of flag specs, looked up by long and short name. */
export class FlagSet {
  readonly byName = new Map<string, FlagSpec>()
  readonly byShort = new Map<string, FlagSpec>()

  constructor(specs: readonly FlagSpec[]) {
    for (const s of specs) this.add(s)
  }

  add(s: FlagSpec): void {
    this.byName.set(s.name, s)
    if (s.short) this.byShort.set(s.short, s)
  }

  /** pflag's FlagSet.Parse with interspersed arguments. Throws FlagError. */
  parse(argv: readonly string[]): ParseResult {
    const flags = new ParsedFlags(this.byName)
    const args: string[] = []
    let argsLenAtDash = -1
    let rest = [...argv]
    while (rest.length) {
      const s = rest.shift()!
      if (s.length < 2 || s[0] !== '-') {
        args.push(s)
        continue
      }
      if (s === '--') {
        argsLenAtDash = args.length
        args.push(...rest)
        break
      }
      rest = s[1] === '-' ? this.parseLong(s, rest, flags) : this.parseShort(s, rest, flags)
    }
    return { flags, args, argsLenAtDash }
  }

  private parseLong(s: string, rest: string[], flags: ParsedFlags): string[] {
    const body = s.slice(2)
    if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${s}`)
    const eq = body.indexOf('=')
    const name = eq < 0 ? body : body.slice(0, eq)
    const spec = this.byName.get(name)
    if (!spec) throw new FlagError(`unknown flag: --${name}`)
    if (eq >= 0) flags.assign(spec, body.slice(eq + 1), displayName(spec))
    else if (noOpt(spec) !== undefined) flags.assign(spec, noOpt(spec)!, displayName(spec))
    else if (rest.length) flags.assign(spec, rest.shift()!, displayName(spec))
    else throw new FlagError(`flag needs an argument: ${s}`)
    return rest
  }

  private parseShort(s: string, rest: string[], flags: ParsedFlags): string[] {
    let shorthands = s.slice(1)
    while (shorthands.length) {
      const c = shorthands[0]
      const spec = this.byShort.get(c)
      if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`)
      if (shorthands.length > 2 && shorthands[1] === '=') {
        flags.assign(spec, shorthands.slice(2), displayName(spec))
        return rest
      }
      if (noOpt(spec) !== undefined) {
        flags.assign(spec, noOpt(spec)!, displayName(spec))
        shorthands = shorthands.slice(1)
        continue
      }
      if (shorthands.length > 1) {
        flags.assign(spec, shorthands.slice(1), displayName(spec))
        return rest
      }
      if (rest.length) {
        flags.assign(spec, rest.shift()!, displayName(spec))
        return rest
      }
      throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`)
    }
    return rest
  }

  /**
   * cobra's stripFlags: the non-flag words of argv, used to find the subcommand
   * before the subcommand's own flags are known. A flag without `=` that is not a
   * bool swallows the next word, exactly as cobra assumes.
   */
  commandWords(argv: readonly string[]): { word: string; index: number }[] {
    const out: { word: string; index: number }[] = []
    for (let i = 0; i < argv.length; i++) {
      const s = argv[i]
      if (s === '--') break
      const longNeedsValue = s.startsWith('--') && !s.includes('=') && noOpt(this.byName.get(s.slice(2))) === undefined
      const shortNeedsValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && noOpt(this.byShort.get(s[1])) === undefined
      if (longNeedsValue || shortNeedsValue) {
        if (argv.length - i - 1 <= 1) break
        i++
        continue
      }
      if (s !== '' && !s.startsWith('-')) out.push({ word: s, index: i })
    }
    return out
  }
}

function noOpt(spec: FlagSpec | undefined): string | undefined {
  if (!spec) return undefined
  if (spec.noOptDefault !== undefined) return spec.noOptDefault
  return spec.type === 'bool' ? 'true' : undefined
}

/** The `-h, --help` flag cobra adds to every command. */
export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', hidden: true }
