// The name and value checks of k8s.io/apimachinery pkg/util/validation/validation.go
// (IsDNS1123Label, IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue, port
// names, env var names, config keys), returning upstream's messages.

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`
const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+'

const dns1123Label = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const dns1123Subdomain = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
const qualifiedName = new RegExp(`^${QNAME_FMT}$`)
const labelValue = new RegExp(`^${LABEL_VALUE_FMT}$`)
const configKey = new RegExp(`^${CONFIG_KEY_FMT}$`)

export const DNS1123_LABEL_MAX = 63
export const DNS1123_SUBDOMAIN_MAX = 253

export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

/** RegexError: the message, then the examples and the regex in parentheses. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (!examples.length) return `${msg} (regex used for validation is '${fmt}')`
  // Each example ends in ", " and the next starts with " or ": upstream's double space.
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

/**
 * Valid input is the common case by far (every pod of a Job carries the Job's
 * labels): it is recognised by one regular expression and gets this shared empty
 * list, which callers only read. Messages are built only for invalid input.
 */
const NONE: string[] = []

export const isDNS1123Label = dns1123LabelErrors
export const isDNS1123Subdomain = dns1123SubdomainErrors
export const isQualifiedName = qualifiedNameErrors
export const isValidLabelValue = labelValueErrors

function dns1123LabelErrors(v: string): string[] {
  if (v.length <= DNS1123_LABEL_MAX && dns1123Label.test(v)) return NONE
  const errs: string[] = []
  if (v.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX))
  if (!dns1123Label.test(v)) {
    if (dns1123Subdomain.test(v)) errs.push('must not contain dots')
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

function dns1123SubdomainErrors(v: string): string[] {
  if (v.length <= DNS1123_SUBDOMAIN_MAX && dns1123Subdomain.test(v)) return NONE
  const errs: string[] = []
  if (v.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!dns1123Subdomain.test(v)) errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
}

/** maskTrailingDash: a generateName prefix may end in '-'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name
}

/** NameIsDNSSubdomain (Jobs, CronJobs, Pods, PVCs). */
export function nameIsDNSSubdomain(name: string, prefix: boolean): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)
}

/** NameIsDNSLabel (Namespaces). */
export function nameIsDNSLabel(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name)
}

const QNAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

function qualifiedNameErrors(v: string): string[] {
  const slash = v.indexOf('/')
  if (slash < 0) {
    if (v.length <= 63 && qualifiedName.test(v)) return NONE
  } else if (v.indexOf('/', slash + 1) < 0) {
    const name = v.slice(slash + 1)
    if (name.length <= 63 && qualifiedName.test(name) && isDNS1123Subdomain(v.slice(0, slash)) === NONE) return NONE
  }
  const errs: string[] = []
  const parts = v.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (!prefix.length) errs.push('prefix part must be non-empty')
    else for (const m of isDNS1123Subdomain(prefix)) errs.push('prefix part ' + m)
  } else {
    return [`a qualified name ${regexError(QNAME_ERR, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (!name.length) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push('name part ' + maxLenError(63))
  if (!qualifiedName.test(name)) errs.push('name part ' + regexError(QNAME_ERR, QNAME_FMT, 'MyName', 'my.name', '123-abc'))
  return errs
}

function labelValueErrors(v: string): string[] {
  if (v.length <= 63 && labelValue.test(v)) return NONE
  const errs: string[] = []
  if (v.length > 63) errs.push(maxLenError(63))
  if (!labelValue.test(v)) errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default in 1.33). */
export function isRelaxedEnvVarName(v: string): string[] {
  const errs: string[] = []
  if (!v.length) errs.push('environment variable name must be non-empty')
  for (const ch of v) {
    const c = ch.codePointAt(0)!
    if (c < 0x20 || c > 0x7e || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='")
      break
    }
  }
  return errs
}

export function isConfigMapKey(v: string): string[] {
  const errs: string[] = []
  if (v.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!configKey.test(v)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'))
  if (v === '.') errs.push("must not be '.'")
  else if (v === '..') errs.push("must not be '..'")
  else if (v.startsWith('..')) errs.push("must not start with '..'")
  return errs
}

export function isValidPortNum(n: number): string[] {
  return n >= 1 && n <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

export function isValidPortName(v: string): string[] {
  const errs: string[] = []
  if (v.length > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(v)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)')
  if (v.includes('--')) errs.push('must not contain consecutive hyphens')
  if (v.length && (v[0] === '-' || v[v.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** IsValidUserID / IsValidGroupID. */
export function isValidID(n: number): string[] {
  return n >= 0 && n <= 2147483647 ? [] : [inclusiveRangeError(0, 2147483647)]
}

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"
const httpPath = new RegExp(`^${HTTP_PATH_FMT}$`)

/** IsDomainPrefixedPath (Job spec.managedBy): [value, message] pairs, or the Required case as null. */
export function domainPrefixedPathErrors(v: string): [string, string][] | null {
  if (!v.length) return null
  const i = v.indexOf('/')
  if (i <= 0 || i === v.length - 1) return [[v, 'must be a domain-prefixed path (such as "acme.io/foo")']]
  const host = v.slice(0, i)
  const path = v.slice(i + 1)
  const out: [string, string][] = isDNS1123Subdomain(host).map((m) => [host, m])
  if (!httpPath.test(path)) out.push([path, regexError('Invalid path', HTTP_PATH_FMT)])
  return out
}
