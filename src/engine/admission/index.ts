// Admission for the simulated API server: strict decoding of kubectl's requests,
// then defaulting, admission plugins, validation with Kubernetes' error texts,
// and warnings. Controllers' writes skip decoding (they are well-formed and many).
import { badRequest, invalid, notFound, forbidden as forbiddenStatus } from '../api/errors.ts'
import { resourceForKind } from '../api/resources.ts'
import type { Admission, ApiServer, WriteOptions } from '../api/server.ts'
import { CLUSTER_SCOPED } from '../api/store.ts'
import type { KObject } from '../api/types.ts'
import { schemaForKind } from '../api/schema/index.ts'
import { admitCreate, type Admitted } from './create.ts'
import { decodeFailure, decodeObject, strictDecodingError } from './decode.ts'
import { admitUpdate } from './update.ts'
import { isObj, jsonEqual, type J } from './util.ts'

/** Decode a request body per the fieldValidation directive; returns the decoded object. */
export function decodeRequest(obj: J, opts: WriteOptions): J {
  const mode = opts.fieldValidation
  const schema = schemaForKind(obj.kind)
  if (!mode || !schema) return obj
  const r = decodeObject(obj, obj.kind)
  if (r.error) throw badRequest(decodeFailure(obj.kind, schema.version, r.error))
  if (r.unknown.length) {
    if (mode === 'Strict') throw badRequest(decodeFailure(obj.kind, schema.version, strictDecodingError(r.unknown)))
    if (mode === 'Warn') opts.warnings?.push(...r.unknown)
  }
  return r.object
}

/** NamespaceLifecycle: namespaced objects need an existing, non-terminating namespace. */
function checkNamespace(obj: J, api: ApiServer): void {
  const ns = obj.metadata?.namespace
  if (!ns || CLUSTER_SCOPED.has(obj.kind) || obj.kind === 'Event') return
  const found = api.store.get('Namespace', undefined, ns)
  if (!found) throw notFound('namespaces', '', ns)
  if ((found.status as J | undefined)?.phase === 'Terminating') {
    // admission.NewForbidden: the resource and name come first, as apierrors.NewForbidden words it.
    const r = resourceForKind(obj.kind)
    const what = r ? (r.group ? `${r.resource}.${r.group}` : r.resource) : String(obj.kind).toLowerCase()
    throw forbiddenStatus(`${what} ${JSON.stringify(String(obj.metadata?.name ?? ''))} is forbidden: unable to create new content in namespace ${ns} because it is being terminated`)
  }
}

function finish(a: Admitted, opts: WriteOptions): KObject {
  if (a.errs.length) {
    const r = resourceForKind(a.obj.kind)
    throw invalid(a.obj.kind, r?.group ?? '', String(a.obj.metadata?.name ?? ''), a.errs)
  }
  if (opts.warnings) opts.warnings.push(...a.warnings)
  return a.obj as KObject
}

export function createAdmission(): Admission {
  return {
    create(obj, api, opts = {}) {
      const decoded = decodeRequest(obj as J, opts)
      if (!isObj(decoded.metadata)) decoded.metadata = {}
      checkNamespace(decoded, api)
      return finish(admitCreate(decoded, api), opts)
    },
    update(obj, old, _api, opts = {}) {
      const decoded = decodeRequest(obj as J, opts)
      return finish(admitUpdate({ ...decoded, status: old.status }, old as J, _api), opts)
    },
    specChanged: (obj, old) => !jsonEqual(obj.spec, old.spec),
  }
}
