// A YAML scanner that fails exactly where go-yaml v2 fails (kubectl converts
// manifests with sigs.k8s.io/yaml, which runs gopkg.in/yaml.v2, a Go port of
// libyaml). It reimplements the token rules of libyaml's scanner.c / go-yaml's
// scannerc.go — which token starts where, scalar styles — over the machinery in
// scanner-core.ts, so that a syntax error gets the same message and mark; values
// are parsed elsewhere.
import { isBlank, isBlankZ, isBreak, isBreakZ, isHex, isZ, ScannerCore, type Mark, type TokenType } from './scanner-core.ts'

const PLAIN_STOPPERS = new Set([...'-?:,[]{}#&*!|>\'"%@`'])
const ANCHOR_END = new Set([...'?:,]}%@`'])

export class Scanner extends ScannerCore {
  protected fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.indent = -1
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() })
      this.simpleKeyAllowed = true
      this.streamStartProduced = true
      this.push('STREAM-START', this.here())
      return
    }
    this.scanToNextToken()
    this.unrollIndent(this.mark.column)
    const c = this.ch()
    if (isZ(c)) return this.fetchStreamEnd()
    if (this.mark.column === 0 && c === '%') return this.fetchDirective()
    if (this.mark.column === 0 && this.atDocumentIndicator('-')) return this.fetchDocumentIndicator('DOCUMENT-START')
    if (this.mark.column === 0 && this.atDocumentIndicator('.')) return this.fetchDocumentIndicator('DOCUMENT-END')
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START')
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START')
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END')
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END')
    if (c === ',') return this.fetchFlowEntry()
    if (c === '-' && isBlankZ(this.ch(1))) return this.fetchBlockEntry()
    if (c === '?' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchKey()
    if (c === ':' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchValue()
    if (c === '*') return this.fetchAnchor('ALIAS')
    if (c === '&') return this.fetchAnchor('ANCHOR')
    if (c === '!') return this.fetchTag()
    if ((c === '|' || c === '>') && this.flowLevel === 0) return this.fetchBlockScalar()
    if (c === "'") return this.fetchFlowScalar(true)
    if (c === '"') return this.fetchFlowScalar(false)
    const plain =
      !(isBlankZ(c) || PLAIN_STOPPERS.has(c)) ||
      (c === '-' && !isBlank(this.ch(1))) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankZ(this.ch(1)))
    if (plain) return this.fetchPlainScalar()
    this.error('while scanning for the next token', this.here(), 'found character that cannot start any token')
  }

  // ------------------------------------------------------ simple tokens

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0
      this.mark.line++
    }
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.push('STREAM-END', this.here())
  }

  private fetchDirective(): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.here()
    this.skip()
    const name = this.scanAlpha()
    if (!name) this.error('while scanning a directive', start, 'could not find expected directive name')
    if (!isBlankZ(this.ch())) this.error('while scanning a directive', start, 'found unexpected non-alphabetical character')
    if (name !== 'YAML' && name !== 'TAG') this.error('while scanning a directive', start, 'found unknown directive name')
    while (!isBreakZ(this.ch()) && this.ch() !== '#') this.skip()
    while (isBlank(this.ch())) this.skip()
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip()
    this.push(name === 'YAML' ? 'VERSION-DIRECTIVE' : 'TAG-DIRECTIVE', start, this.here())
    this.skipLine()
  }

  private fetchDocumentIndicator(type: 'DOCUMENT-START' | 'DOCUMENT-END'): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.pushIndicator(type, 3)
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey()
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() })
    this.flowLevel++
    this.simpleKeyAllowed = true
    this.pushIndicator(type)
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey()
    if (this.flowLevel > 0) {
      this.flowLevel--
      this.simpleKeysByToken.delete(this.simpleKeys.pop()!.tokenNumber)
    }
    this.simpleKeyAllowed = false
    this.pushIndicator(type)
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    this.pushIndicator('FLOW-ENTRY')
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', this.here(), 'block sequence entries are not allowed in this context')
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.here())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    this.pushIndicator('BLOCK-ENTRY')
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', this.here(), 'mapping keys are not allowed in this context')
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.here())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = this.flowLevel === 0
    this.pushIndicator('KEY')
  }

  private fetchValue(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]
    if (this.simpleKeyValid(k)) {
      this.tokens.splice(k.tokenNumber - this.tokensParsed, 0, { type: 'KEY', start: k.mark, end: k.mark })
      this.rollIndent(k.mark.column, k.tokenNumber, 'BLOCK-MAPPING-START', k.mark)
      k.possible = false
      this.simpleKeysByToken.delete(k.tokenNumber)
      this.simpleKeyAllowed = false
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error('', this.here(), 'mapping values are not allowed in this context')
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.here())
      }
      this.simpleKeyAllowed = this.flowLevel === 0
    }
    this.pushIndicator('VALUE')
  }

  private fetchAnchor(type: 'ANCHOR' | 'ALIAS'): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.here()
    this.skip()
    const name = this.scanAlpha()
    if (!name || !(isBlankZ(this.ch()) || ANCHOR_END.has(this.ch()))) {
      this.error(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character')
    }
    this.push(type, start, this.here(), name)
  }

  private fetchTag(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.here()
    let handle = '!'
    if (this.ch(1) === '<') {
      this.skip()
      this.skip()
      while (!isBlankZ(this.ch()) && this.ch() !== '>') this.skip()
      if (this.ch() !== '>') this.error('while scanning a tag', start, "did not find the expected '>'")
      this.skip()
      handle = ''
    } else {
      this.skip()
      const word = this.scanAlpha()
      if (this.ch() === '!') {
        handle = '!' + word + '!'
        this.skip()
      }
      while (!isBlankZ(this.ch()) && !(this.flowLevel > 0 && ',[]{}'.includes(this.ch()))) this.skip()
    }
    if (!isBlankZ(this.ch()) && !(this.flowLevel > 0 && this.ch() === ',')) this.error('while scanning a tag', start, 'did not find expected whitespace or line break')
    this.push('TAG', start, this.here(), handle)
  }

  // ------------------------------------------------------------ scalars

  /** A literal (|) or folded (>) scalar: the same token rules. */
  private fetchBlockScalar(): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    const start = this.here()
    this.skip()
    let increment = 0
    const readIndicator = () => {
      if (this.ch() === '+' || this.ch() === '-') {
        this.skip()
        return true
      }
      return false
    }
    const readIncrement = () => {
      if (!/^[0-9]$/.test(this.ch())) return false
      if (this.ch() === '0') this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0')
      increment = Number(this.ch())
      this.skip()
      return true
    }
    if (readIndicator()) readIncrement()
    else if (readIncrement()) readIndicator()
    while (isBlank(this.ch())) this.skip()
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip()
    if (!isBreakZ(this.ch())) this.error('while scanning a block scalar', start, 'did not find expected comment or line break')
    if (isBreak(this.ch())) this.skipLine()
    let indent = increment ? (this.indent >= 0 ? this.indent + increment : increment) : 0
    indent = this.blockScalarBreaks(indent, start)
    while (this.mark.column === indent && !isZ(this.ch())) {
      while (!isBreakZ(this.ch())) this.skip()
      this.skipLine()
      indent = this.blockScalarBreaks(indent, start)
    }
    this.push('SCALAR', start, this.here())
  }

  /** Skip the empty lines of a block scalar; work out its indentation if not known yet. */
  private blockScalarBreaks(indent: number, start: Mark): number {
    let maxIndent = 0
    for (;;) {
      while ((!indent || this.mark.column < indent) && this.ch() === ' ') this.skip()
      if (this.mark.column > maxIndent) maxIndent = this.mark.column
      if ((!indent || this.mark.column < indent) && this.ch() === '\t') {
        this.error('while scanning a block scalar', start, 'found a tab character where an indentation space is expected')
      }
      if (!isBreak(this.ch())) break
      this.skipLine()
    }
    if (!indent) {
      indent = Math.max(maxIndent, this.indent + 1, 1)
    }
    return indent
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.here()
    const quote = single ? "'" : '"'
    this.skip()
    for (;;) {
      if (this.mark.column === 0 && (this.atDocumentIndicator('-') || this.atDocumentIndicator('.'))) {
        this.error('while scanning a quoted scalar', start, 'found unexpected document indicator')
      }
      if (isZ(this.ch())) this.error('while scanning a quoted scalar', start, 'found unexpected end of stream')
      let ended = false
      while (!isBlankZ(this.ch())) {
        const c = this.ch()
        if (single && c === "'" && this.ch(1) === "'") {
          this.skip()
          this.skip()
        } else if (c === quote) {
          ended = true
          break
        } else if (!single && c === '\\' && isBreak(this.ch(1))) {
          this.skip()
          this.skipLine()
          break
        } else if (!single && c === '\\') {
          this.scanEscape(start)
        } else this.skip()
      }
      if (ended || this.ch() === quote) break
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) this.skip()
        else this.skipLine()
      }
    }
    this.skip()
    this.push('SCALAR', start, this.here())
  }

  private scanEscape(start: Mark): void {
    const e = this.ch(1)
    const lengths: Record<string, number> = { x: 2, u: 4, U: 8 }
    if (!'0abt\tnvfre "/\\N_LPxuU'.includes(e) || e === '') this.error('while parsing a quoted scalar', start, 'found unknown escape character')
    this.skip()
    this.skip()
    const n = lengths[e]
    if (!n) return
    let code = 0
    for (let i = 0; i < n; i++) {
      if (!isHex(this.ch(i))) this.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number')
      code = code * 16 + parseInt(this.ch(i), 16)
    }
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code')
    for (let i = 0; i < n; i++) this.skip()
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.here()
    let end = this.here()
    const indent = this.indent + 1
    let leadingBlanks = false
    for (;;) {
      if (this.mark.column === 0 && (this.atDocumentIndicator('-') || this.atDocumentIndicator('.'))) break
      if (this.ch() === '#') break
      while (!isBlankZ(this.ch())) {
        const c = this.ch()
        if (this.flowLevel > 0 && c === ':' && !isBlankZ(this.ch(1))) this.error('while scanning a plain scalar', start, "found unexpected ':'")
        if ((c === ':' && isBlankZ(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break
        leadingBlanks = false
        this.skip()
        end = this.here()
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation')
          }
          this.skip()
        } else {
          this.skipLine()
          leadingBlanks = true
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break
    }
    this.push('SCALAR', start, end)
    if (leadingBlanks) this.simpleKeyAllowed = true
  }
}
