// jq's @formats: @text @json @html @uri @csv @tsv @sh @base64 @base64d.
// Upstream: jq src/builtin.c (f_format).
import { utf8Encode } from '../util/io.ts'
import { dump } from './json.ts'
import { desc, err } from './ops.ts'
import { isNum, isObj, type Value } from './value.ts'

export function applyFormat(name: string, v: Value): Value {
  const text = (x: Value) => (typeof x === 'string' ? x : dump(x))
  switch (name) {
    case 'text':
      return text(v)
    case 'json':
      return dump(v)
    case 'html':
      return text(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!)
    case 'uri':
      return utf8Encode(text(v)).map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('')
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) err(`${desc(v)} cannot be ${name}-formatted, only an array can be`)
      return v
        .map((x) => {
          if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
          if (x === null) return ''
          if (typeof x === 'boolean' || isNum(x)) return dump(x)
          err(`${desc(x)} is not valid in a csv row`)
        })
        .join(name === 'csv' ? ',' : '\t')
    }
    case 'sh': {
      const q = (x: Value): string => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`
        if (Array.isArray(x) || isObj(x)) err(`${desc(x)} can not be escaped for shell`)
        return dump(x)
      }
      return Array.isArray(v) ? v.map(q).join(' ') : q(v)
    }
    case 'base64':
      return base64Encode(text(v))
    case 'base64d':
      return base64Decode(text(v))
  }
  err(`${name} is not a valid format`)
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64Encode(s: string): string {
  const bytes = utf8Encode(s)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

export function base64Decode(s: string): string {
  const clean = s.replace(/=+$/, '')
  const bytes: number[] = []
  let bits = 0
  let acc = 0
  for (const c of clean) {
    const d = B64.indexOf(c)
    if (d < 0) err(`${desc(s)} is not valid base64 data`)
    acc = (acc << 6) | d
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0
    let c = need ? b & (0x3f >> need) : b
    let ok = true
    for (let k = 1; k <= need; k++) {
      const n = bytes[i + k]
      if (n === undefined || (n & 0xc0) !== 0x80) ok = false
      else c = (c << 6) | (n & 0x3f)
    }
    if (!ok || (b >= 0x80 && b < 0xc0)) {
      out += '\ufffd'
      i++
    } else {
      out += String.fromCodePoint(c)
      i += need + 1
    }
  }
  return out
}
