// Printers on the research lab; every expectation was checked against the real kubectl 1.33 client
// (oracle.test.ts re-checks them wherever kubectl is installed).
import { describe, expect, it } from 'vitest'
import { labCluster, putAll, trickyJob } from './fixtures.ts'
import { PRINTER_CASES } from './printer-cases.ts'
import { kubectl } from './testkit.ts'

describe('printers (verified against the real client)', () => {
  for (const [name, argv, stdout, stderr, code] of PRINTER_CASES) {
    it(name, () => {
      const c = labCluster()
      putAll(c, [trickyJob()])
      expect(kubectl(c, argv)).toEqual({ stdout, stderr, code })
    })
  }
})
