// The utilities inside the real interpreter: pipelines, streaming, command
// substitution and the seed's scripts, through the shell's own test harness.
import { describe, expect, it } from 'vitest'
import { container } from '../spec/harness.ts'

describe('utilities in the shell', () => {
  it('yes | head stops yes (a bounded producer in a pipeline)', () => {
    const r = container('yes | head -n 3; echo done')
    expect([r.stdout, r.stderr, r.code]).toEqual(['y\ny\ny\ndone\n', '', 0])
  })

  it('seq | sort | uniq -c | sort -rn', () => {
    const r = container('for i in 1 2 3; do seq 1 $i; done | sort | uniq -c | sort -rn')
    expect(r.stdout).toBe('      3 1\n      2 2\n      1 3\n')
  })

  it("the seed's parallel job: TASK_ID from the pod name", () => {
    const r = container('TASK_ID=$(echo $HOSTNAME | grep -o \'[0-9]*$\'); echo "task #$TASK_ID"', { env: { HOSTNAME: 'parallel-processing-4x9z7', PATH: '/bin' } })
    expect(r.stdout).toBe('task #7\n')
  })

  it("the seed's db-backup: a dated file in /backup and ls -lh", () => {
    const r = container('mkdir -p /backup; echo "Backup data $(date)" > /backup/backup_$(date +%Y%m%d_%H%M%S).txt; ls -lh /backup/')
    expect(r.stdout).toBe('total 4K     \n-rw-r--r--    1 root     root          41 Jan  1 00:00 backup_20260101_000000.txt\n')
  })

  it('awk, sed, cut and tr over a command substitution', () => {
    const r = container(`out=$(printf 'a:1\\nb:2\\n' | awk -F: '{s+=$2} END {print s}'); echo "$out" | sed 's/3/three/' | tr a-z A-Z; echo x:y | cut -d: -f2`)
    expect(r.stdout).toBe('THREE\ny\n')
  })
})
