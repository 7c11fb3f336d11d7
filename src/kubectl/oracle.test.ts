// Differential test: our objects, dumped by our own `get -o json`, are served by the kubectl oracle's
// fake API server to the real kubectl client, and both outputs are compared byte for byte (dates masked).
// Skipped where no kubectl binary is installed (CI).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rfc3339 } from '../engine/kernel/time.ts'
import { labCluster, LAB_NOW, putAll, trickyJob } from './fixtures.ts'
import { PRINTER_CASES } from './printer-cases.ts'
import { kubectl } from './testkit.ts'

const ORACLE = '/work/shared/tools/kubectl-oracle'
const CANDIDATES = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.33', '/usr/local/bin/kubectl', '/usr/bin/kubectl']
const KUBECTL = CANDIDATES.find((p) => existsSync(p))
const available = !!KUBECTL && existsSync(join(ORACLE, 'server.js'))

/** Commands whose whole output the real client renders. */
const COMMANDS: string[][] = [
  ['describe', 'job', 'countdown-job'],
  ['describe', 'job', 'fail-job'],
  ['describe', 'job', 'paused-job'],
  ['describe', 'job', 'retry-job'],
  ['describe', 'job', 'hello-29147644'],
  ['describe', 'cronjob', 'hello'],
  ['describe', 'pod', 'countdown-job-x7k2p'],
  ['describe', 'pod', 'retry-job-9q8ws'],
  ['describe', 'pod', 'fail-job-2xk9d'],
  ['describe', 'jobs'],
  ['describe', 'job', 'countdown'],
  ['get', 'job', 'countdown-job', '-o', 'yaml'],
  ['get', 'job', 'countdown-job', '-o', 'json'],
  ['get', 'pod', 'retry-job-9q8ws', '-o', 'yaml'],
  ['get', 'cronjob', 'hello', '-o', 'yaml'],
  ['get', 'jobs', '-o', 'yaml'],
  ['get', 'pods', '-o', 'json'],
  ['get', 'events', '-o', 'yaml'],
  ['get', 'jobs', '-o', 'name'],
  ['get', 'job,cronjob', '-o', 'name'],
  ['get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}'],
  ['get', 'jobs', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.succeeded}{"\\n"}{end}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.conditions[?(@.type=="Complete")].status}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.metadata.labels}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={..name}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.spec.template.spec.containers[0].command[-1:]}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.conditions[*].type}{"\\n"}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath-as-json={.status.conditions[0]}'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.succeeded'],
  ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.conditions[5]}'],
  ['get', 'jobs', '-o', 'custom-columns=NAME:.metadata.name,SUCCEEDED:.status.succeeded,CONDS:.status.conditions[*].type'],
  ['get', 'jobs', '-o', 'custom-columns=NAME:.metadata.name,LABELS:.metadata.labels', '--no-headers'],
  ['get', 'pods', '-o', 'custom-columns=POD:.metadata.name,NODE:.spec.nodeName,STATE:.status.containerStatuses[0].state'],
  ['get', 'jobs', '--sort-by=.status.succeeded', '-o', 'name'],
  ['get', 'jobs', '-o', 'wideee'],
  ['get', 'job', 'nope'],
  ['get', 'jobz'],
  ['get', 'jobs', 'nope1', 'nope2'],
  ['describe', 'job', 'nope'],
  ['get', 'jobs', '--foo'],
  ['get', 'jobs', '-l', 'job-name=nothing'],
  ['get', 'job', 'countdown-job', '-A'],
  ['get', 'job/countdown-job', 'fail-job'],
  ['get', 'job', 'countdown-job', '-o', 'go-template={{.metadata.name}} {{.spec.nope}} {{.spec.template.metadata.creationTimestamp}} {{.metadata.labels}}'],
  ['get', 'jobs', '-o', 'go-template={{range .items}}{{.metadata.name}}{{if .status.succeeded}} done{{else}} pending{{end}}{{"\n"}}{{end}}'],
  ['get', 'job', 'countdown-job', '-o', 'go-template={{range $i, $c := .status.conditions}}{{$i}}={{$c.type}};{{end}} {{len .status.conditions}} {{printf "%q|%5s|%-5s|%d" .kind "ab" "cd" .spec.backoffLimit}}'],
  ['get', 'job', 'countdown-job', '-o', 'go-template={{.status.conditions.x}}'],
  ['get', 'jobs', '-o', 'go-template={{len .status.conditions}}'],
  ['get', 'job', 'countdown-job', '-o', 'go-template={{nope}}'],
  ['get', 'job', 'countdown-job', '-o', 'go-template={{.metadata.name'],
  ['get', 'job', 'tricky', '-o', 'yaml'],
  ['get', 'job', 'tricky', '-o', 'json'],
  ['describe', 'job', 'tricky'],
  ['get', 'job', 'tricky', '-o', 'jsonpath={.metadata.annotations}'],
  ['get', 'job', 'tricky', '-o', 'custom-columns=A:.metadata.annotations.a\\.example\\.com/multi'],
]

function cluster() {
  const c = labCluster()
  putAll(c, [trickyJob()])
  return c
}

let server: ChildProcess | undefined
let kubeconfig = ''
let home = ''

function mask(s: string): string {
  return s
    .replace(/[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, '<TIME>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, '<TS>')
}

function real(argv: string[]): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(KUBECTL!, argv, { env: { KUBECONFIG: kubeconfig, HOME: home, TZ: 'UTC', PATH: process.env.PATH }, encoding: 'utf8', timeout: 30_000 })
  // The client names itself after its binary in one message.
  const own = (s: string) => s.replace(/kubectl\.1\.\d+/g, 'kubectl')
  return { stdout: own(r.stdout), stderr: own(r.stderr), code: r.status ?? -1 }
}

function ours(argv: string[]): { stdout: string; stderr: string; code: number } {
  const r = kubectl(cluster(), argv)
  return { stdout: r.stdout, stderr: r.stderr, code: r.code ?? -1 }
}

async function waitForServer(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/version`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('oracle server did not start')
}

describe.skipIf(!available)('kubectl differential test against the real client', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchlab-oracle-'))
    home = dir
    const dump = kubectl(cluster(), ['get', 'jobs,cronjobs,pods,events', '-o', 'json']).stdout
    writeFileSync(join(dir, 'dump.json'), dump)
    const port = 20000 + Math.floor(Math.random() * 20000)
    server = spawn('node', [join(ORACLE, 'server.js')], {
      env: { ...process.env, PORT: String(port), SCENARIO: join(ORACLE, 'scenario-from-dump.js'), DUMP: join(dir, 'dump.json'), END: rfc3339(LAB_NOW), LOG: join(dir, 'requests.log') },
      stdio: 'ignore',
    })
    kubeconfig = join(dir, 'kubeconfig')
    writeFileSync(kubeconfig, readFileSync(join(ORACLE, 'kubeconfig'), 'utf8').replace('127.0.0.1:18080', `127.0.0.1:${port}`))
    await waitForServer(port)
  }, 30_000)

  afterAll(() => {
    server?.kill()
  })

  for (const argv of [...COMMANDS, ...PRINTER_CASES.map((c) => c[1])]) {
    it(`kubectl ${argv.join(' ')}`, () => {
      const want = ours(argv)
      // Ages are computed from the wall clock on the real side: retry across a second boundary.
      let got = real(argv)
      for (let i = 0; i < 2 && mask(got.stdout) !== mask(want.stdout); i++) got = real(argv)
      expect({ ...got, stdout: mask(got.stdout), stderr: mask(got.stderr) }).toEqual({ ...want, stdout: mask(want.stdout), stderr: mask(want.stderr) })
    }, 60_000)
  }
})
