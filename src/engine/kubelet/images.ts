// Image references normalised as containerd does (distribution/reference ParseNormalizedNamed: "busybox"
// is docker.io/library/busybox:latest), and the registry's answers with containerd's pull error texts.
import { BUILDS, REPOSITORIES, type ImageBuild, type Repository } from './image-catalog.ts'

export interface ImageRef {
  /** Registry host, e.g. docker.io. */
  domain: string
  /** Repository path without the host, e.g. library/busybox. */
  path: string
  tag?: string
  digest?: string
  /** Normalised reference with its tag or digest: docker.io/library/busybox:latest. */
  full: string
  /** Fully qualified repository name: docker.io/library/busybox. */
  repository: string
}

export interface ResolvedImage {
  ref: ImageRef
  build: ImageBuild
  buildName: string
  /** What container statuses show as imageID: docker.io/library/busybox@sha256:… */
  imageID: string
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/
const DOMAIN = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/

/** Parse and normalise a reference; on failure, the reference package's error text. */
export function parseImageRef(image: string): ImageRef | { error: string } {
  let rest = image
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return { error: 'invalid reference format' }
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return { error: 'invalid reference format' }
  }
  if (!rest) return { error: 'invalid reference format' }
  if (rest.length > 255) return { error: 'invalid reference format: repository name must not be more than 255 characters' }
  let domain = 'docker.io'
  let path = rest
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    domain = first
    path = rest.slice(slash + 1)
    if (!DOMAIN.test(domain)) return { error: 'invalid reference format' }
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (domain === 'docker.io' && !path.includes('/')) path = 'library/' + path
  const parts = path.split('/')
  if (!parts.every((p) => COMPONENT.test(p))) {
    const lower = parts.every((p) => COMPONENT.test(p.toLowerCase()))
    return { error: lower ? 'invalid reference format: repository name must be lowercase' : 'invalid reference format' }
  }
  if (!tag && !digest) tag = 'latest'
  const repository = `${domain}/${path}`
  const full = repository + (tag ? ':' + tag : '') + (digest ? '@' + digest : '')
  return { domain, path, tag, digest, full, repository }
}

const byName = new Map<string, Repository>(REPOSITORIES.map((r) => [r.name, r]))
const KNOWN_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'gcr.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com', 'public.ecr.aws'])

/** What the registry returns for a reference: the build, or containerd's pull error. */
export function resolveImage(ref: ImageRef): ResolvedImage | { error: string } {
  const failed = (why: string) => ({ error: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${why}` })
  const repo = byName.get(ref.repository)
  if (!repo) {
    if (ref.domain === 'docker.io') return failed('pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed')
    if (!KNOWN_REGISTRIES.has(ref.domain)) {
      const what = ref.digest ?? ref.tag
      return failed(`failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${what}": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`)
    }
    return failed(`${ref.full}: not found`)
  }
  let buildName: string | undefined
  if (ref.digest) {
    buildName = Object.keys(BUILDS).find((b) => 'sha256:' + BUILDS[b].digest === ref.digest && Object.values(repo.tags).includes(b))
    if (buildName && ref.tag && repo.tags[ref.tag] === undefined) buildName = undefined
  } else buildName = repo.tags[ref.tag!]
  if (!buildName) return failed(`${ref.full}: not found`)
  const build = BUILDS[buildName]
  return { ref, build, buildName, imageID: `${ref.repository}@sha256:${build.digest}` }
}
