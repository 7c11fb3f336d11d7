// Printers on the research lab, each expectation checked against the real
// kubectl 1.33 client by oracle.test.ts (which runs only where kubectl is
// installed): JSONPath grammar and errors, go-template, custom columns, and
// YAML/JSON quoting of awkward strings.
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
