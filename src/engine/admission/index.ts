// Admission for the simulated API server: defaulting then validation per kind.
// Placeholder until the admission package lands: accepts everything as is.
import type { Admission } from '../api/server.ts'

export function createAdmission(): Admission {
  return {
    create: (obj) => obj,
    update: (obj) => obj,
    specChanged: (obj, old) => JSON.stringify(obj.spec) !== JSON.stringify(old.spec),
  }
}
