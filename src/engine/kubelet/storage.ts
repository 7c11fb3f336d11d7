// Claims and their data: the default StorageClass "standard" (rancher.io/local-path, WaitForFirstConsumer),
// the PV controller's and provisioner's binding with their events (pv_controller.go), pvc-protection, and
// one directory per claim shared by its pods until the claim is deleted, and the PersistentVolume behind it.
import type { KObject, PersistentVolumeClaim, Pod } from '../api/types.ts'
import { rfc3339 } from '../kernel/time.ts'
import type { WatchEvent } from '../api/store.ts'
import type { ControllerContext } from '../context.ts'
import type { Timer } from '../kernel/kernel.ts'
import type { Rng } from '../kernel/rng.ts'
import { newDir, type DirNode } from '../../shell/fs/vfs.ts'

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection'
const PV_PROTECTION = 'kubernetes.io/pv-protection'
const PROVISIONER = 'rancher.io/local-path'
const RESYNC_MS = 15_000

export interface StorageClass {
  name: string
  provisioner: string
  volumeBindingMode: 'WaitForFirstConsumer' | 'Immediate'
  reclaimPolicy: 'Delete' | 'Retain'
  isDefault: boolean
}

export const STORAGE_CLASSES: StorageClass[] = [{ name: 'standard', provisioner: PROVISIONER, volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete', isDefault: true }]

/** The claim's class; no class name means the default one (the DefaultStorageClass admission plugin's choice). */
export function storageClassOf(pvc: PersistentVolumeClaim): StorageClass | undefined {
  const name = pvc.spec?.storageClassName
  if (name === undefined || name === null) return STORAGE_CLASSES.find((c) => c.isDefault)
  return STORAGE_CLASSES.find((c) => c.name === name)
}

/** The data of provisioned volumes, by claim uid. */
export class VolumeRegistry {
  private dirs = new Map<string, DirNode>()

  get(claimUid: string): DirNode | undefined {
    return this.dirs.get(claimUid)
  }

  create(claimUid: string, now: number): DirNode {
    let d = this.dirs.get(claimUid)
    if (!d) this.dirs.set(claimUid, (d = newDir(now, 0o777)))
    return d
  }

  delete(claimUid: string): void {
    this.dirs.delete(claimUid)
  }
}

interface ClaimState {
  resync: Timer | null
  provisioning: boolean
}

export class Provisioner {
  readonly volumes = new VolumeRegistry()
  private claims = new Map<string, ClaimState>()
  private rng: Rng
  /** The provisioner pod's identity, as its events show it: rancher.io/local-path_<pod name>_<uuid>. */
  readonly identity: string

  constructor(private ctx: ControllerContext) {
    this.rng = ctx.kernel.rng.stream('provisioner')
    const pick = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[this.rng.int(0, alphabet.length - 1)]).join('')
    // Its Deployment's pod-template-hash: a 32-bit hash's decimal digits through SafeEncodeString.
    const hash = String(this.rng.u32()).replace(/\d/g, (d) => '456789bcdf'[Number(d)])
    this.identity = `${PROVISIONER}_local-path-provisioner-${hash}-${pick(5, 'bcdfghjklmnpqrstvwxz2456789')}_${ctx.store.newUid()}`
    ctx.store.watch((e) => this.onClaim(e as WatchEvent<PersistentVolumeClaim>), 'PersistentVolumeClaim')
    ctx.store.watch((e) => this.onPod(e as WatchEvent<Pod>), 'Pod')
  }

  /** pvc-protection controller: a claim being deleted keeps its finalizer while a pod still uses it. */
  private protect(pvc: PersistentVolumeClaim): void {
    if (!pvc.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return
    const inUse = this.ctx.store.list<Pod>('Pod', pvc.metadata.namespace).some(
      (p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
    )
    if (inUse) return
    const finalizers = pvc.metadata.finalizers.filter((f) => f !== PVC_PROTECTION)
    this.ctx.api.updateMeta(pvc, { finalizers: finalizers.length ? finalizers : undefined })
  }

  private onPod(e: WatchEvent<Pod>): void {
    const p = e.object
    const done = e.type === 'DELETED' || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
    if (!done) return
    for (const v of p.spec.volumes ?? []) {
      const name = v.persistentVolumeClaim?.claimName
      const pvc = name === undefined ? undefined : this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', p.metadata.namespace, name)
      if (pvc) this.protect(pvc)
    }
  }

  private onClaim(e: WatchEvent<PersistentVolumeClaim>): void {
    const pvc = e.object
    const uid = pvc.metadata.uid
    if (e.type === 'DELETED') {
      const st = this.claims.get(uid)
      this.ctx.kernel.cancel(st?.resync)
      this.claims.delete(uid)
      if (storageClassOf(pvc)?.reclaimPolicy !== 'Retain') this.volumes.delete(uid)
      this.releaseVolume(pvc)
      return
    }
    if (pvc.metadata.deletionTimestamp) return this.protect(pvc)
    if (pvc.spec?.volumeName) return
    let st = this.claims.get(uid)
    if (!st) this.claims.set(uid, (st = { resync: null, provisioning: false }))
    this.sync(pvc, st)
  }

  /** syncUnboundClaim: wait for a consumer, or provision for the node the scheduler chose. */
  private sync(pvc: PersistentVolumeClaim, st: ClaimState): void {
    const cls = storageClassOf(pvc)
    const name = pvc.spec?.storageClassName
    if (!cls) {
      if (name) this.pvEvent(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io ${JSON.stringify(name)} not found`)
      else if (name === '') this.pvEvent(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')
      return this.resyncLater(pvc, st)
    }
    const node = pvc.metadata.annotations?.[SELECTED_NODE]
    if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !node) {
      this.pvEvent(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')
      return this.resyncLater(pvc, st)
    }
    if (st.provisioning) return
    st.provisioning = true
    this.ctx.kernel.cancel(st.resync)
    st.resync = null
    this.pvEvent(
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    )
    this.ctx.kernel.after(this.rng.int(5, 30), () => this.provision(pvc, cls))
  }

  private provision(pvc: PersistentVolumeClaim, cls: StorageClass): void {
    const cur = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name)
    if (!cur || cur.metadata.uid !== pvc.metadata.uid) return
    const source = { component: this.identity }
    this.ctx.recorder.event(cur, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${cur.metadata.namespace}/${cur.metadata.name}"`, source)
    // local-path runs a helper pod that creates the directory on the node.
    this.ctx.kernel.after(this.rng.int(1500, 3500), () => {
      const now = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name)
      if (!now || now.metadata.uid !== pvc.metadata.uid || now.metadata.deletionTimestamp) return
      const volumeName = 'pvc-' + now.metadata.uid
      this.volumes.create(now.metadata.uid, this.ctx.kernel.now())
      this.createVolume(now, volumeName, cls)
      this.ctx.recorder.event(now, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`, source)
      this.ctx.kernel.after(this.rng.int(20, 120), () => this.bind(pvc.metadata.namespace!, pvc.metadata.name, pvc.metadata.uid, volumeName, cls))
    })
  }

  /** The PV controller binds the new volume to the claim (annotations, volumeName, status). */
  private bind(ns: string, name: string, uid: string, volumeName: string, cls: StorageClass): void {
    const cur = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name)
    if (!cur || cur.metadata.uid !== uid) return
    const annotations = {
      ...(cur.metadata.annotations ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': cls.provisioner,
      'volume.kubernetes.io/storage-provisioner': cls.provisioner,
    }
    const spec = { ...cur.spec, storageClassName: cur.spec?.storageClassName ?? cls.name, volumeMode: cur.spec?.volumeMode ?? 'Filesystem', volumeName }
    const status = { phase: 'Bound' as const, accessModes: cur.spec?.accessModes ?? ['ReadWriteOnce'], capacity: { storage: cur.spec?.resources?.requests?.storage ?? '1Gi' } }
    this.ctx.store.update({ ...cur, metadata: { ...cur.metadata, annotations }, spec, status })
    this.claims.delete(uid)
    this.setVolumePhase(volumeName, 'Bound')
  }

  /**
   * The PersistentVolume local-path-provisioner creates for a claim: a hostPath directory on the
   * chosen node, pinned there by node affinity, claimRef set, pv-protection added by admission,
   * phase Pending until the PV controller binds it (PV strategy PrepareForCreate).
   */
  private createVolume(pvc: PersistentVolumeClaim, volumeName: string, cls: StorageClass): void {
    const node = pvc.metadata.annotations?.[SELECTED_NODE] ?? ''
    const { name, namespace, uid, resourceVersion } = pvc.metadata
    this.ctx.store.create({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: volumeName,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        annotations: { 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': cls.provisioner },
        finalizers: [PV_PROTECTION],
      },
      spec: {
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace, resourceVersion, uid },
        hostPath: { path: `/var/local-path-provisioner/${volumeName}_${namespace}_${name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy,
        storageClassName: cls.name,
        volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
      },
      status: { lastPhaseTransitionTime: rfc3339(this.ctx.kernel.now()), phase: 'Pending' },
    } as unknown as KObject)
  }

  private setVolumePhase(volumeName: string, phase: string): void {
    const pv = this.ctx.store.get('PersistentVolume', undefined, volumeName)
    if (!pv) return
    this.ctx.store.update({ ...pv, status: { lastPhaseTransitionTime: rfc3339(this.ctx.kernel.now()), phase } } as KObject)
  }

  /** The claim is gone: its volume is Released, then (reclaim Delete) local-path deletes it and the PV goes. */
  private releaseVolume(pvc: PersistentVolumeClaim): void {
    const volumeName = pvc.spec?.volumeName
    if (!volumeName || !this.ctx.store.get('PersistentVolume', undefined, volumeName)) return
    this.setVolumePhase(volumeName, 'Released')
    if (storageClassOf(pvc)?.reclaimPolicy === 'Retain') return
    this.ctx.kernel.after(this.rng.int(1500, 3500), () => this.ctx.store.remove('PersistentVolume', undefined, volumeName))
  }

  private resyncLater(pvc: PersistentVolumeClaim, st: ClaimState): void {
    if (st.resync) return
    st.resync = this.ctx.kernel.after(RESYNC_MS, () => {
      st.resync = null
      const cur = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name)
      if (cur && cur.metadata.uid === pvc.metadata.uid && !cur.spec?.volumeName && !cur.metadata.deletionTimestamp) this.sync(cur, st)
    })
  }

  private pvEvent(pvc: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, msg: string): void {
    this.ctx.recorder.event(pvc, type, reason, msg, { component: 'persistentvolume-controller' })
  }
}
