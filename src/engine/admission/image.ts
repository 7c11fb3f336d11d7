// Which tag an image reference carries, as the container defaulter reads it
// (k8s pkg/util/parsers ParseImageName over github.com/distribution/reference):
// untagged names mean "latest", a digest alone means no tag, an unparsable
// reference has no tag at all (so imagePullPolicy defaults to IfNotPresent).

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`)

export interface ImageRef {
  /** The tag, "latest" when neither tag nor digest is given, "" with only a digest. */
  tag: string
  digest: string
}

/** undefined when the reference does not parse. */
export function parseImage(image: string): ImageRef | undefined {
  const m = REFERENCE.exec(image)
  if (!m || m[1].length > 255) return undefined
  // A first part is a registry only if it looks like one; otherwise it must be a lowercase path component.
  const slash = m[1].indexOf('/')
  const first = slash < 0 ? '' : m[1].slice(0, slash)
  if (first && !/[.:]/.test(first) && first !== 'localhost' && !new RegExp(`^${COMPONENT}$`).test(first)) return undefined
  const tag = m[2] ?? ''
  const digest = m[3] ?? ''
  return { tag: !tag && !digest ? 'latest' : tag, digest }
}

/** SetDefaults_Container's imagePullPolicy rule. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImage(image)?.tag === 'latest' ? 'Always' : 'IfNotPresent'
}
