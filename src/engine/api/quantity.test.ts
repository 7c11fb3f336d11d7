// Cases from k8s.io/apimachinery pkg/api/resource/quantity_test.go
// (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestQuantityRoundUp,
// TestQuantityCmp, TestJSONWhitespace) plus the values learners write.
import { describe, expect, it } from 'vitest'
import {
  addQuantity,
  canonicalQuantity,
  compareQuantity,
  ERR_FORMAT_WRONG,
  ERR_SUFFIX,
  formatQuantity,
  goJSONNumber,
  milliOf,
  milliValue,
  parseQuantity,
  parseQuantityJSON,
  quantityValue,
  roundUp,
  sumQuantities,
  valueOf,
} from './quantity.ts'

describe('TestQuantityParse', () => {
  // input, exact value as [unscaled, scale], format
  const table: [string, bigint, number, string][] = [
    ['0', 0n, 0, 'DecimalSI'],
    ['0Ki', 0n, 0, 'BinarySI'],
    ['1', 1n, 0, 'DecimalSI'],
    ['1Ki', 1024n, 0, 'BinarySI'],
    ['7Mi', 7n * 1024n * 1024n, 0, 'BinarySI'],
    ['3Ei', 3n * 1024n ** 6n, 0, 'BinarySI'],
    ['5n', 5n, -9, 'DecimalSI'],
    ['3m', 3n, -3, 'DecimalSI'],
    ['50k', 50n, 3, 'DecimalSI'],
    ['1E', 1n, 18, 'DecimalSI'],
    ['1E-3', 1n, -3, 'DecimalExponent'],
    ['1e3', 1n, 3, 'DecimalExponent'],
    ['100.035k', 100035n, 0, 'DecimalSI'],
    ['0.0005k', 5n, -1, 'DecimalSI'],
    ['0.5', 5n, -1, 'DecimalSI'],
    ['0.5e-2', 5n, -3, 'DecimalExponent'],
    ['1.3E+6', 13n, 5, 'DecimalExponent'],
    ['7.123456M', 7123456n, 0, 'DecimalSI'],
    ['3.001n', 4n, -9, 'DecimalSI'],
    ['1.1E-9', 2n, -9, 'DecimalExponent'],
    ['0.0000000005', 1n, -9, 'DecimalSI'],
    ['0.00000012345', 124n, -9, 'DecimalSI'],
    ['9Ei', (1n << 63n) - 1n, 0, 'BinarySI'],
    ['100.035Ki', 10243584n, -2, 'BinarySI'],
    ['0.5Mi', 524288n, 0, 'BinarySI'],
    ['0.000000000001Ki', 2n, -9, 'DecimalSI'],
    ['.001', 1n, -3, 'DecimalSI'],
    ['1.', 1n, 0, 'DecimalSI'],
    ['1.G', 1n, 9, 'DecimalSI'],
    ['-1.5', -15n, -1, 'DecimalSI'],
  ]
  for (const [input, unscaled, scale, format] of table) {
    it(input, () => {
      const q = parseQuantity(input)
      expect(compareQuantity(q, { unscaled, scale, format: 'DecimalSI', dec: false, cached: '' })).toBe(0)
      expect(q.format).toBe(format)
    })
  }

  const invalid: [string, string][] = [
    ['1.1.M', ERR_FORMAT_WRONG],
    ['1+1.0M', ERR_FORMAT_WRONG],
    ['0.1mi', ERR_SUFFIX],
    ['0.1am', ERR_FORMAT_WRONG],
    ['aoeu', ERR_FORMAT_WRONG],
    ['.5i', ERR_SUFFIX],
    ['1i', ERR_SUFFIX],
    ['-3.01e-', ERR_SUFFIX],
    [' 1', ERR_FORMAT_WRONG],
    ['1 ', ERR_FORMAT_WRONG],
    ['', ERR_FORMAT_WRONG],
    ['1K', ERR_SUFFIX],
    ['512MB', ERR_FORMAT_WRONG],
  ]
  for (const [input, message] of invalid) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => parseQuantity(input)).toThrow(message)
    })
  }
})

describe('TestQuantityString / TestQuantityParseEmit: canonical forms', () => {
  const table: [string, string][] = [
    ['1024Mi', '1Gi'],
    ['307200Ki', '300Mi'],
    ['5000m', '5'],
    ['0.5', '500m'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000000001Ki', '2n'],
    ['1000E', '1e21'],
    ['-1024Mi', '-1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1.5', '1500m'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
    ['0.1', '100m'],
    ['100m', '100m'],
    ['2', '2'],
  ]
  for (const [input, want] of table) {
    it(`${input} → ${want}`, () => expect(canonicalQuantity(input)).toBe(want))
  }

  it('keeps the input string only when Go does (the cached `s`)', () => {
    const cached = (s: string) => parseQuantity(s).cached
    expect([cached('100m'), cached('1Gi'), cached('128Mi'), cached('1000m'), cached('0.5'), cached('10'), cached('+1')]).toEqual(['100m', '1Gi', '', '', '', '10', '+1'])
    expect(formatQuantity(parseQuantity('+1'))).toBe('+1')
  })
})

describe('TestQuantityRoundUp', () => {
  const table: [string, number, string][] = [
    ['9.01', -3, '9010m'],
    ['9.01', -1, '9100m'],
    ['9.01', 0, '10'],
    ['9.01', 2, '100'],
    ['-9.01', -1, '-9100m'],
    ['-9.01', 0, '-10'],
    ['0.0001', -3, '1m'],
  ]
  for (const [input, scale, want] of table) {
    it(`${input} at ${scale}`, () => expect(formatQuantity(roundUp(parseQuantity(input), scale))).toBe(want))
  }
})

describe('TestQuantityCmp and arithmetic', () => {
  const cmp: [string, string, number][] = [
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1Gi', '1073741824', 0],
    ['500m', '0.5', 0],
  ]
  for (const [a, b, want] of cmp) {
    it(`Cmp(${a}, ${b}) = ${want}`, () => expect(compareQuantity(parseQuantity(a), parseQuantity(b))).toBe(want))
  }

  it('TestQuantityAddZeroPreservesSuffix', () => {
    for (const v of ['100m', '1Gi']) {
      expect(formatQuantity(addQuantity(parseQuantity(v), parseQuantity('0')))).toBe(v)
      expect(formatQuantity(addQuantity(parseQuantity('0'), parseQuantity(v)))).toBe(v)
    }
  })

  it('sums requests for the scheduler', () => {
    expect(formatQuantity(sumQuantities(['100m', '250m', '1'].map(parseQuantity)))).toBe('1350m')
    expect(formatQuantity(sumQuantities(['128Mi', '128Mi'].map(parseQuantity)))).toBe('256Mi')
  })

  it('Value rounds up, MilliValue rounds up (TestScaledValue)', () => {
    expect([quantityValue(parseQuantity('1n')), milliValue(parseQuantity('1n')), milliValue(parseQuantity('2')), quantityValue(parseQuantity('128Mi'))]).toEqual([1, 1, 2000, 134217728])
    expect([milliOf('100m'), milliOf('1.5'), valueOf('512Mi'), valueOf('1G')]).toEqual([100, 1500, 536870912, 1000000000])
  })
})

describe('TestJSONWhitespace: values as the apiserver reads them from JSON', () => {
  const table: [string | number, string][] = [
    [' 1', '1'],
    ['1 ', '1'],
    [1, '1'],
    [-1, '-1'],
    [0.5, '500m'],
    [1e21, '1e+21'],
    [1e-7, '100e-9'],
  ]
  for (const [raw, want] of table) {
    it(JSON.stringify(raw), () => expect(formatQuantity(parseQuantityJSON(raw))).toBe(want))
  }
  it('prints float64 the way encoding/json does', () => {
    expect([goJSONNumber(1000), goJSONNumber(0.5), goJSONNumber(1e-7), goJSONNumber(1e21), goJSONNumber(1.5e300)]).toEqual(['1000', '0.5', '1e-7', '1e+21', '1.5e+300'])
  })
})
