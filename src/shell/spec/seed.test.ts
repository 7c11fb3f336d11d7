// The seed tutorial's container scripts (jobs-and-cronjobs-tutorial.ko.md), run
// as the kubelet runs them: argv after Kubernetes' $(VAR) expansion, the image's
// root filesystem, PID 1, the virtual clock. Output and timing as on a cluster.
import { describe, expect, it } from 'vitest'
import { container, type RunOptions } from './harness.ts'

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const FAILING = `echo "Attempt #$(cat /tmp/attempt 2>/dev/null || echo 0)"
if [ ! -f /tmp/success ]; then
  # 60% 확률로 실패
  if [ $(( RANDOM % 10 )) -lt 6 ]; then
    echo "Failed!"
    exit 1
  fi
fi
echo "Success!"
touch /tmp/success
`

const PARALLEL = `# 작업 ID 생성 (Pod 이름 기반)
TASK_ID=$(echo $HOSTNAME | grep -o '[0-9]*$')
echo "Processing task #$TASK_ID"

# 작업 시뮬레이션 (1-5초)
DURATION=$(( RANDOM % 5 + 1 ))
echo "Task will take $DURATION seconds"
sleep $DURATION

echo "Task #$TASK_ID completed!"
`

// The manifest says $$(( … )); Kubernetes' expansion turns $$ into $ before the shell runs.
const WEEKLY = `echo "==================================="
echo "Weekly Report - $(date)"
echo "==================================="

echo "Period: Last 7 days"
echo "Generated: $(date)"

# 실제로는 데이터 수집 및 리포트 생성
echo "Total users: $(( RANDOM % 10000 ))"
echo "Active users: $(( RANDOM % 5000 ))"
echo "Revenue: $(( RANDOM % 100000 ))"

echo "==================================="
echo "Report generation completed!"
`

const LONG = `echo "Starting long task at $(date)"
sleep 180  # 3분 소요 (스케줄보다 길음)
echo "Task completed at $(date)"
`

const SET_E = `set -e  # 에러 발생 시 즉시 종료

echo "Starting job..."

# 작업 수행
if ! process_data; then
  echo "ERROR: Data processing failed"
  exit 1
fi

echo "Job completed successfully"
`

interface Case {
  name: string
  argv: string[]
  opts?: RunOptions
  log: string
  code: number
  elapsed: number
}

const CASES: Case[] = [
  {
    name: 'countdown (centos:7, bin/bash relative to /)',
    argv: ['bin/bash', '-c', 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; sleep 2; done'],
    opts: { flavor: 'centos' },
    log: '9\n8\n7\n6\n5\n4\n3\n2\n1\n',
    code: 0,
    elapsed: 18000,
  },
  {
    name: 'failing job, a seed where RANDOM % 10 < 6',
    argv: ['sh', '-c', FAILING],
    opts: { seed: 1 },
    log: 'Attempt #0\nFailed!\n',
    code: 1,
    elapsed: 0,
  },
  {
    name: 'failing job, a seed where it succeeds',
    argv: ['sh', '-c', FAILING],
    opts: { seed: 5 },
    log: 'Attempt #0\nSuccess!\n',
    code: 0,
    elapsed: 0,
  },
  {
    // busybox grep -o prints nothing for the empty match at the end of "…x7k2p".
    name: 'parallel job, pod name ending in a letter',
    argv: ['sh', '-c', PARALLEL],
    opts: { seed: 2, env: { PATH, HOSTNAME: 'parallel-processing-x7k2p' } },
    log: 'Processing task #\nTask will take 2 seconds\nTask # completed!\n',
    code: 0,
    elapsed: 2000,
  },
  {
    name: 'parallel job, pod name ending in digits',
    argv: ['sh', '-c', PARALLEL],
    opts: { seed: 1, env: { PATH, HOSTNAME: 'parallel-processing-9fk27' } },
    log: 'Processing task #27\nTask will take 1 seconds\nTask #27 completed!\n',
    code: 0,
    elapsed: 1000,
  },
  {
    name: 'cron hello',
    argv: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster; sleep 3'],
    log: 'Thu Jan  1 00:00:00 UTC 2026\nHello from the Kubernetes cluster\n',
    code: 0,
    elapsed: 3000,
  },
  {
    name: 'weekly report',
    argv: ['sh', '-c', WEEKLY],
    opts: { seed: 3 },
    log:
      '===================================\nWeekly Report - Thu Jan  1 00:00:00 UTC 2026\n===================================\n' +
      'Period: Last 7 days\nGenerated: Thu Jan  1 00:00:00 UTC 2026\nTotal users: 6831\nActive users: 2784\nRevenue: 20098\n' +
      '===================================\nReport generation completed!\n',
    code: 0,
    elapsed: 0,
  },
  {
    name: 'long task (longer than its schedule)',
    argv: ['sh', '-c', LONG],
    log: 'Starting long task at Thu Jan  1 00:00:00 UTC 2026\nTask completed at Thu Jan  1 00:03:00 UTC 2026\n',
    code: 0,
    elapsed: 180000,
  },
  {
    name: 'set -e with a command that does not exist (the tips section)',
    argv: ['sh', '-c', SET_E],
    log: 'Starting job...\n! sh: process_data: not found\nERROR: Data processing failed\n',
    code: 1,
    elapsed: 0,
  },
]

describe('seed scripts', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = container('', { ...c.opts, argv: c.argv })
      expect({ log: r.log, code: r.code, elapsed: r.elapsed }).toEqual({ log: c.log, code: c.code, elapsed: c.elapsed })
    })
  }

  it('db-backup writes its file into the mounted volume and lists it', () => {
    const script = `echo "Starting backup at $(date)"
echo "Creating backup file..."
echo "Backup data $(date)" > /backup/backup_$(date +%Y%m%d_%H%M%S).txt
echo "Backup completed at $(date)"
ls /backup/
`
    const r = container(script, { argv: ['sh', '-c', script], files: { '/backup/.keep': '' } })
    expect(r.log).toBe(
      'Starting backup at Thu Jan  1 00:00:00 UTC 2026\nCreating backup file...\nBackup completed at Thu Jan  1 00:00:00 UTC 2026\nbackup_20260101_000000.txt\n',
    )
    expect(r.code).toBe(0)
  })
})
