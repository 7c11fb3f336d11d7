import { describe, expect, it } from 'vitest'
import { parseImageRef, resolveImage, type ImageRef } from './images.ts'

describe('image references (distribution/reference ParseNormalizedNamed)', () => {
  const CASES: [string, string][] = [
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest'],
    ['index.docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['curlimages/curl:8.15.0', 'docker.io/curlimages/curl:8.15.0'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447', 'docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447'],
  ]
  for (const [input, full] of CASES) it(`${input} is ${full}`, () => expect((parseImageRef(input) as ImageRef).full).toBe(full))

  const BAD: [string, string][] = [
    ['BusyBox', 'invalid reference format: repository name must be lowercase'],
    ['busybox:', 'invalid reference format'],
    ['busy box', 'invalid reference format'],
    ['busybox:1.36:x', 'invalid reference format'],
  ]
  for (const [input, error] of BAD) it(`${JSON.stringify(input)}: ${error}`, () => expect(parseImageRef(input)).toEqual({ error }))
})

describe('the registry', () => {
  const resolve = (s: string) => resolveImage(parseImageRef(s) as ImageRef)

  it('busybox:1.36 resolves to its digest and size', () => {
    const r = resolve('busybox:1.36') as { imageID: string; build: { size: number } }
    expect([r.imageID, r.build.size]).toEqual(['docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447', 2160406])
  })

  it('a repository that does not exist on Docker Hub: pull access denied', () => {
    expect(resolve('nope')).toEqual({ error: 'failed to pull and unpack image "docker.io/library/nope:latest": failed to resolve reference "docker.io/library/nope:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' })
  })

  it('a tag that does not exist: not found', () => {
    expect(resolve('busybox:1.99')).toEqual({ error: 'failed to pull and unpack image "docker.io/library/busybox:1.99": failed to resolve reference "docker.io/library/busybox:1.99": docker.io/library/busybox:1.99: not found' })
  })

  it('a registry that does not resolve: no such host', () => {
    expect(resolve('myregistry.example.com/team/app:1.0')).toEqual({ error: 'failed to pull and unpack image "myregistry.example.com/team/app:1.0": failed to resolve reference "myregistry.example.com/team/app:1.0": failed to do request: Head "https://myregistry.example.com/v2/team/app/manifests/1.0": dial tcp: lookup myregistry.example.com on 127.0.0.53:53: no such host' })
  })
})
