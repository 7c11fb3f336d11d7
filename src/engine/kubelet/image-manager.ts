// A node's images and puller (pkg/kubelet/images/image_manager.go EnsureImageExists, puller.go): pull
// policy, back-off per pod and image, Pulling/Pulled/Failed/BackOff events; pulls are serialised per node
// and take a seeded registry round trip plus the bytes the node does not have yet.
import type { Container, Pod } from '../api/types.ts'
import type { EventRecorder } from '../events/recorder.ts'
import type { Kernel } from '../kernel/kernel.ts'
import type { Rng } from '../kernel/rng.ts'
import { Backoff } from './backoff.ts'
import { goDuration } from './duration.ts'
import { parseImageRef, resolveImage, type ResolvedImage } from './images.ts'

export type ImageResult =
  | { ok: true; image: ResolvedImage }
  /** reason: the container's waiting reason (ErrImagePull, ImagePullBackOff, InvalidImageName, ErrImageNeverPull). */
  | { ok: false; reason: string; message: string }

export interface PresentImage {
  names: string[]
  imageID: string
  size: number
}

const BACKOFF_INITIAL = 10_000
const BACKOFF_MAX = 300_000
/** Bytes per ms a node downloads and unpacks (about 8–14 MB/s, seeded per pull). */
const MIN_RATE = 8_000
const MAX_RATE = 14_000

export class ImageManager {
  /** Images on this node by normalised reference (docker.io/library/busybox:1.36). */
  private present = new Map<string, ResolvedImage>()
  /** Builds and base layers whose bytes are on this node. */
  private layers = new Set<string>()
  private backoff = new Backoff(BACKOFF_INITIAL, BACKOFF_MAX)
  private prevPullErr = new Map<string, string>()
  private queue: (() => void)[] = []
  private pulling = false
  private rng: Rng

  constructor(
    private kernel: Kernel,
    private recorder: EventRecorder,
    readonly nodeName: string,
    /** Called after a pull adds an image (the node's status.images list). */
    private onChange: () => void = () => {},
  ) {
    this.rng = kernel.rng.stream('pull/' + nodeName)
  }

  /** Images a node starts with (the sandbox image, the control plane's own). */
  preload(image: string): void {
    const ref = parseImageRef(image)
    if ('error' in ref) return
    const r = resolveImage(ref)
    if ('error' in r) return
    this.add(r, false)
  }

  has(image: string): boolean {
    const ref = parseImageRef(image)
    return !('error' in ref) && this.present.has(ref.full)
  }

  /** What `kubectl describe node` lists, biggest first as the kubelet sorts them. */
  list(): PresentImage[] {
    const byId = new Map<string, PresentImage>()
    for (const [name, r] of this.present) {
      const cur = byId.get(r.imageID)
      if (cur) cur.names.push(name)
      else byId.set(r.imageID, { names: [r.imageID, name], imageID: r.imageID, size: r.build.size })
    }
    return [...byId.values()].sort((a, b) => b.size - a.size)
  }

  /**
   * EnsureImageExists for one container of a pod. Calls `done` at once when no pull
   * is needed, else when the (serialised) pull ends.
   */
  ensure(pod: Pod, c: Container, fieldPath: string, done: (r: ImageResult) => void): void {
    const requested = c.image ?? ''
    const ev = (type: 'Normal' | 'Warning', reason: string, msg: string) => this.recorder.event(pod, type, reason, msg, { component: 'kubelet', host: this.nodeName }, { fieldPath })
    const ref = parseImageRef(requested)
    if ('error' in ref) {
      const msg = `Failed to apply default image tag ${JSON.stringify(requested)}: couldn't parse image name ${JSON.stringify(requested)}: ${ref.error}`
      ev('Warning', 'InspectFailed', msg)
      return done({ ok: false, reason: 'InvalidImageName', message: msg })
    }
    const have = this.present.get(ref.full)
    const policy = c.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent')
    if (policy === 'Never' || (policy === 'IfNotPresent' && have)) {
      if (have) {
        ev('Normal', 'Pulled', `Container image ${JSON.stringify(requested)} already present on machine`)
        return done({ ok: true, image: have })
      }
      const msg = `Container image ${JSON.stringify(requested)} is not present with pull policy of Never`
      ev('Warning', 'ErrImageNeverPull', msg)
      return done({ ok: false, reason: 'ErrImageNeverPull', message: msg })
    }
    const key = `${pod.metadata.uid}_${requested}`
    const now = this.kernel.now()
    if (this.backoff.inBackOffSinceUpdate(key, now)) {
      let msg = `Back-off pulling image ${JSON.stringify(requested)}`
      ev('Normal', 'BackOff', msg)
      const prev = this.prevPullErr.get(key)
      if (prev) msg += ': ' + prev
      return done({ ok: false, reason: 'ImagePullBackOff', message: msg })
    }
    this.prevPullErr.delete(key)
    ev('Normal', 'Pulling', `Pulling image ${JSON.stringify(requested)}`)
    this.pull(ref.full, (r, pullMs) => {
      const end = this.kernel.now()
      if ('error' in r) {
        ev('Warning', 'Failed', `Failed to pull image ${JSON.stringify(requested)}: ${r.error}`)
        this.backoff.gc(end)
        this.backoff.next(key, end, end)
        this.prevPullErr.set(key, 'ErrImagePull: ' + r.error)
        return done({ ok: false, reason: 'ErrImagePull', message: r.error })
      }
      ev('Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(requested)} in ${goDuration(pullMs)} (${goDuration(end - now)} including waiting). Image size: ${r.build.size} bytes.`)
      this.backoff.gc(end)
      done({ ok: true, image: r })
    })
  }

  /** The pod is gone: forget its pull back-off. */
  forgetPod(podUid: string, images: string[]): void {
    for (const image of images) {
      this.backoff.forget(`${podUid}_${image}`)
      this.prevPullErr.delete(`${podUid}_${image}`)
    }
  }

  /** puller.go serialImagePuller: one pull at a time per node, in request order. */
  private pull(full: string, done: (r: ResolvedImage | { error: string }, pullMs: number) => void): void {
    this.queue.push(() => {
      const ref = parseImageRef(full)
      const resolved = 'error' in ref ? ref : resolveImage(ref)
      let ms = this.rng.int(250, 700)
      if (!('error' in resolved)) {
        const b = resolved.build
        const missing = this.layers.has(resolved.buildName) ? 0 : b.config.base && this.layers.has(b.config.base) ? Math.round(b.size * 0.25) : b.size
        ms += Math.round(missing / this.rng.int(MIN_RATE, MAX_RATE))
      }
      this.kernel.after(ms, () => {
        if (!('error' in resolved)) this.add(resolved)
        done(resolved, ms)
        this.pulling = false
        this.next()
      })
    })
    this.next()
  }

  private next(): void {
    if (this.pulling) return
    const job = this.queue.shift()
    if (!job) return
    this.pulling = true
    job()
  }

  private add(r: ResolvedImage, notify = true): void {
    // A pull of an image already here (policy Always) changes nothing the node reports.
    if (this.present.get(r.ref.full)?.imageID === r.imageID) return
    this.present.set(r.ref.full, r)
    this.layers.add(r.buildName)
    if (r.build.config.base) this.layers.add(r.build.config.base)
    if (notify) this.onChange()
  }
}
