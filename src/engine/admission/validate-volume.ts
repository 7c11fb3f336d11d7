// Volume validation (k8s pkg/apis/core/validation/validation.go: ValidateVolumes,
// validateVolumeSource and the per-source checks), including upstream's field
// paths as they are (the "downwarAPI" and "cephFS" spellings, item errors on
// the source path).
import type { FieldError } from '../api/errors.ts'
import { parseQuantity, sign } from '../api/quantity.ts'
import { duplicate, forbidden, invalid, notSupported, required } from './field.ts'
import { isDNS1123Label } from './names.ts'
import { validateFieldSelector, validateLocalDescendingPath } from './validate-container.ts'
import { isArr, isObj, str, type J } from './util.ts'

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive'
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']
const VOLUME_FILE_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']

/** Source keys in upstream's checking order, with the child name its "more than 1" error uses. */
const SOURCES: [string, string][] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'], ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'], ['cinder', 'cinder'], ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'], ['flexVolume', 'flexVolume'], ['configMap', 'configMap'],
  ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'], ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'], ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'], ['image', 'image'],
]

function validateMode(mode: unknown, path: string, errs: FieldError[]): void {
  if (typeof mode === 'number' && (mode > 0o777 || mode < 0)) errs.push(invalid(path, mode, FILE_MODE_ERROR))
}

/** ValidateLocalNonReservedPath. */
function validateLocalNonReservedPath(p: string, path: string, errs: FieldError[]): void {
  validateLocalDescendingPath(p, path, errs)
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, "must not start with '..'"))
}

function validateKeyToPath(kp: J, path: string, errs: FieldError[]): void {
  if (!kp.key) errs.push(required(`${path}.key`))
  if (!kp.path) errs.push(required(`${path}.path`))
  validateLocalNonReservedPath(str(kp.path), `${path}.path`, errs)
  validateMode(kp.mode, `${path}.mode`, errs)
}

function validateItems(items: unknown, path: string, errs: FieldError[]): void {
  if (isArr(items)) items.forEach((kp, i) => isObj(kp) && validateKeyToPath(kp, `${path}[${i}]`, errs))
}

function validateDownwardAPIFile(f: J, path: string, errs: FieldError[]): void {
  if (!f.path) errs.push(required(`${path}.path`))
  validateLocalNonReservedPath(str(f.path), `${path}.path`, errs)
  if (isObj(f.fieldRef)) {
    validateFieldSelector(f.fieldRef, `${path}.fieldRef`, errs, VOLUME_FILE_PATHS)
    if (isObj(f.resourceFieldRef)) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'))
  } else if (isObj(f.resourceFieldRef)) {
    if (!f.resourceFieldRef.containerName) errs.push(required(`${path}.resourceFieldRef.containerName`))
    else if (!f.resourceFieldRef.resource) errs.push(required(`${path}.resourceFieldRef.resource`))
  } else errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'))
  validateMode(f.mode, `${path}.mode`, errs)
}

function validateProjected(p: J, path: string, errs: FieldError[]): void {
  validateMode(p.defaultMode, `${path}.defaultMode`, errs)
  const paths = new Set<string>()
  const claim = (value: string, shown: string) => {
    if (!paths.has(value)) paths.add(value)
    else errs.push(invalid(path, shown, 'conflicting duplicate paths'))
  }
  ;(isArr(p.sources) ? p.sources : []).forEach((src, i) => {
    if (!isObj(src)) return
    const at = `${path}.sources[${i}]`
    let n = 0
    for (const k of ['secret', 'configMap']) {
      const s = src[k]
      if (!isObj(s)) continue
      n++
      if (!s.name) errs.push(required(`${at}.${k}.name`))
      ;(isArr(s.items) ? s.items : []).forEach((kp, j) => {
        if (!isObj(kp)) return
        validateKeyToPath(kp, `${at}.${k}.items[${j}]`, errs)
        if (kp.path) claim(str(kp.path), str(s.name))
      })
    }
    if (isObj(src.downwardAPI)) {
      n++
      for (const f of isArr(src.downwardAPI.items) ? src.downwardAPI.items : []) {
        if (!isObj(f)) continue
        validateDownwardAPIFile(f, `${at}.downwardAPI`, errs)
        if (f.path) claim(str(f.path), str(f.path))
      }
    }
    if (isObj(src.serviceAccountToken)) {
      n++
      const t = src.serviceAccountToken
      const exp = typeof t.expirationSeconds === 'number' ? t.expirationSeconds : 0
      if (exp < 600) errs.push(invalid(`${at}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'))
      if (exp > 2 ** 32) errs.push(invalid(`${at}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'))
      if (!t.path) errs.push(required(`${path}.path`))
      else validateLocalNonReservedPath(str(t.path), `${path}.path`, errs)
    }
    if (isObj(src.clusterTrustBundle)) n++
    if (n > 1) errs.push(forbidden(at, 'may not specify more than 1 volume type per source'))
  })
}

function validateSource(key: string, s: J, path: string, errs: FieldError[]): void {
  switch (key) {
    case 'emptyDir': {
      if (s.sizeLimit == null) break
      let negative = false
      try {
        negative = sign(parseQuantity(String(s.sizeLimit))) < 0
      } catch {
        negative = false
      }
      if (negative) errs.push(forbidden(`${path}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'))
      break
    }
    case 'hostPath':
      if (!s.path) return void errs.push(required(`${path}.path`))
      if (str(s.path).split('/').includes('..')) errs.push(invalid(`${path}.path`, str(s.path), "must not contain '..'"))
      if (s.type != null && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(`${path}.type`, str(s.type), HOST_PATH_TYPES))
      break
    case 'secret':
    case 'configMap':
      if (!s[key === 'secret' ? 'secretName' : 'name']) errs.push(required(`${path}.${key === 'secret' ? 'secretName' : 'name'}`))
      validateMode(s.defaultMode, `${path}.defaultMode`, errs)
      validateItems(s.items, `${path}.items`, errs)
      break
    case 'persistentVolumeClaim':
      if (!s.claimName) errs.push(required(`${path}.claimName`))
      break
    case 'downwardAPI':
      validateMode(s.defaultMode, `${path}.defaultMode`, errs)
      for (const f of isArr(s.items) ? s.items : []) if (isObj(f)) validateDownwardAPIFile(f, path, errs)
      break
    case 'projected':
      validateProjected(s, path, errs)
      break
    case 'nfs':
      if (!s.server) errs.push(required(`${path}.server`))
      if (!s.path) errs.push(required(`${path}.path`))
      if (!str(s.path).startsWith('/')) errs.push(invalid(`${path}.path`, str(s.path), 'must be an absolute path'))
      break
  }
}

/** validateVolumeSource: exactly one source, then that source's checks. */
function validateVolumeSource(v: J, path: string, errs: FieldError[]): void {
  let n = 0
  for (const [key, child] of SOURCES) {
    const s = v[key]
    if (s === undefined || s === null) continue
    if (n > 0) {
      errs.push(forbidden(`${path}.${child}`, 'may not specify more than 1 volume type'))
      continue
    }
    n++
    if (isObj(s)) validateSource(key, s, `${path}.${key}`, errs)
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'))
}

/** ValidateVolumes: the volumes that validated, by name, for the mounts to refer to. */
export function validateVolumes(volumes: unknown, path: string, errs: FieldError[]): Map<string, J> {
  const valid = new Map<string, J>()
  if (!isArr(volumes)) return valid
  volumes.forEach((v, i) => {
    if (!isObj(v)) return
    const at = `${path}[${i}]`
    const el: FieldError[] = []
    validateVolumeSource(v, at, el)
    const name = str(v.name)
    if (!name) el.push(required(`${at}.name`))
    else for (const m of isDNS1123Label(name)) el.push(invalid(`${at}.name`, name, m))
    if (valid.has(name)) el.push(duplicate(`${at}.name`, name))
    if (el.length === 0) valid.set(name, v)
    else errs.push(...el)
  })
  return valid
}
