// The grammar half of go-yaml v2's syntax checking: libyaml's parser state
// machine (parser.c / go-yaml parserc.go) over the tokens of ./scanner.ts, kept
// only as far as needed to fail where it fails: block and flow collections,
// node properties, documents. Events are not built; anchors are remembered so an
// unknown alias fails as go-yaml's decoder makes it fail.
import { Scanner } from './scanner.ts'
import { YamlSyntaxError, type Mark, type Token } from './scanner-core.ts'

export class Parser {
  private marks: Mark[] = []
  private anchors = new Set<string>()
  private tagHandles = new Set(['!', '!!'])

  constructor(private readonly s: Scanner) {}

  /**
   * Check the first document of the stream, as yaml.Unmarshal reads only that
   * one; returns the index where go-yaml stops reading (content after it is ignored).
   */
  checkFirstDocument(): number {
    this.expect('STREAM-START')
    let t = this.s.peek()
    while (t.type === 'DOCUMENT-END') {
      this.s.next()
      t = this.s.peek()
    }
    if (t.type === 'STREAM-END') return t.start.index
    if (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE' || t.type === 'DOCUMENT-START') {
      while (this.s.peek().type === 'VERSION-DIRECTIVE' || this.s.peek().type === 'TAG-DIRECTIVE') this.s.next()
      const d = this.s.peek()
      if (d.type !== 'DOCUMENT-START') this.fail('', d.start, 'did not find expected <document start>', d.start)
      this.s.next()
      const c = this.s.peek()
      if (['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'].includes(c.type)) return c.start.index
    }
    this.node(true, false)
    const end = this.s.peek().start.index
    this.documentEnd()
    return end
  }

  /** parse_document_end: look at the token after the root node; only an explicit `...` is consumed. */
  private documentEnd(): void {
    if (this.s.peek().type === 'DOCUMENT-END') this.s.next()
  }

  private expect(type: Token['type']): Token {
    const t = this.s.next()
    if (t.type !== type) this.fail('', t.start, `did not find expected ${type}`, t.start)
    return t
  }

  private fail(context: string, contextMark: Mark, problem: string, problemMark: Mark): never {
    throw new YamlSyntaxError('parser', context, contextMark, problem, problemMark)
  }

  /** parse_node: properties, then an alias, scalar, collection or (when allowed) nothing. */
  private node(block: boolean, indentlessSequence: boolean): void {
    let t = this.s.peek()
    if (t.type === 'ALIAS') {
      this.s.next()
      if (!this.anchors.has(t.value!)) throw new YamlSyntaxError('parser', '', { index: 0, line: 0, column: 0 }, `unknown anchor '${t.value}' referenced`, { index: 0, line: 0, column: 0 })
      return
    }
    const start = t.start
    let hasProps = false
    let anchor: string | undefined
    for (let i = 0; i < 2 && (t.type === 'ANCHOR' || t.type === 'TAG'); i++) {
      if (t.type === 'ANCHOR') anchor = t.value
      else if (t.value && !this.tagHandles.has(t.value)) this.fail('while parsing a node', start, 'found undefined tag handle', t.start)
      hasProps = true
      this.s.next()
      t = this.s.peek()
    }
    if (anchor !== undefined) this.anchors.add(anchor)
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') return this.indentlessSequence()
    switch (t.type) {
      case 'SCALAR':
        this.s.next()
        return
      case 'FLOW-SEQUENCE-START':
        return this.flowSequence()
      case 'FLOW-MAPPING-START':
        return this.flowMapping()
      case 'BLOCK-SEQUENCE-START':
        if (block) return this.blockSequence()
        break
      case 'BLOCK-MAPPING-START':
        if (block) return this.blockMapping()
        break
    }
    if (hasProps) return
    this.fail(block ? 'while parsing a block node' : 'while parsing a flow node', start, 'did not find expected node content', t.start)
  }

  private blockSequence(): void {
    this.marks.push(this.s.next().start)
    for (;;) {
      const t = this.s.peek()
      if (t.type === 'BLOCK-ENTRY') {
        this.s.next()
        const n = this.s.peek()
        if (n.type !== 'BLOCK-ENTRY' && n.type !== 'BLOCK-END') this.node(true, false)
        continue
      }
      if (t.type === 'BLOCK-END') {
        this.s.next()
        this.marks.pop()
        return
      }
      this.fail('while parsing a block collection', this.marks[this.marks.length - 1], "did not find expected '-' indicator", t.start)
    }
  }

  private indentlessSequence(): void {
    for (;;) {
      const t = this.s.peek()
      if (t.type !== 'BLOCK-ENTRY') return
      this.s.next()
      const n = this.s.peek()
      if (!['BLOCK-ENTRY', 'KEY', 'VALUE', 'BLOCK-END'].includes(n.type)) this.node(true, false)
    }
  }

  private blockMapping(): void {
    this.marks.push(this.s.next().start)
    for (;;) {
      let t = this.s.peek()
      if (t.type === 'KEY') {
        this.s.next()
        t = this.s.peek()
        if (!['KEY', 'VALUE', 'BLOCK-END'].includes(t.type)) this.node(true, true)
      } else if (t.type === 'BLOCK-END') {
        this.s.next()
        this.marks.pop()
        return
      } else {
        this.fail('while parsing a block mapping', this.marks[this.marks.length - 1], 'did not find expected key', t.start)
      }
      t = this.s.peek()
      if (t.type === 'VALUE') {
        this.s.next()
        t = this.s.peek()
        if (!['KEY', 'VALUE', 'BLOCK-END'].includes(t.type)) this.node(true, true)
      }
    }
  }

  private flowSequence(): void {
    this.marks.push(this.s.next().start)
    let first = true
    for (;;) {
      let t = this.s.peek()
      if (t.type !== 'FLOW-SEQUENCE-END') {
        if (!first) {
          if (t.type !== 'FLOW-ENTRY') this.fail('while parsing a flow sequence', this.marks[this.marks.length - 1], "did not find expected ',' or ']'", t.start)
          this.s.next()
          t = this.s.peek()
        }
        if (t.type === 'KEY') {
          this.s.next()
          this.flowPairInSequence()
          first = false
          continue
        }
        if (t.type !== 'FLOW-SEQUENCE-END') {
          this.node(false, false)
          first = false
          continue
        }
      }
      this.s.next()
      this.marks.pop()
      return
    }
  }

  /** A single `key: value` pair inside a flow sequence (libyaml skips the token after an empty key). */
  private flowPairInSequence(): void {
    let t = this.s.peek()
    if (!['VALUE', 'FLOW-ENTRY', 'FLOW-SEQUENCE-END'].includes(t.type)) this.node(false, false)
    else this.s.next()
    t = this.s.peek()
    if (t.type === 'VALUE') {
      this.s.next()
      t = this.s.peek()
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') this.node(false, false)
    }
  }

  private flowMapping(): void {
    this.marks.push(this.s.next().start)
    let first = true
    for (;;) {
      let t = this.s.peek()
      if (t.type !== 'FLOW-MAPPING-END') {
        if (!first) {
          if (t.type !== 'FLOW-ENTRY') this.fail('while parsing a flow mapping', this.marks[this.marks.length - 1], "did not find expected ',' or '}'", t.start)
          this.s.next()
          t = this.s.peek()
        }
        first = false
        if (t.type === 'KEY') {
          this.s.next()
          t = this.s.peek()
          if (!['VALUE', 'FLOW-ENTRY', 'FLOW-MAPPING-END'].includes(t.type)) this.node(false, false)
          this.flowMappingValue()
          continue
        }
        if (t.type !== 'FLOW-MAPPING-END') {
          // An entry without a key indicator has an empty value.
          this.node(false, false)
          continue
        }
      }
      this.s.next()
      this.marks.pop()
      return
    }
  }

  private flowMappingValue(): void {
    let t = this.s.peek()
    if (t.type !== 'VALUE') return
    this.s.next()
    t = this.s.peek()
    if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') this.node(false, false)
  }
}
