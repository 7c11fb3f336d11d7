// The node's own /proc files every image shows (the kernel is the node's):
// cpuinfo for its 2 vCPUs, meminfo with free's figures, version.
// Upstream: Linux fs/proc/meminfo.c, arch/x86/kernel/cpu/proc.c, fs/proc/version.c.
import { newFile, type DirNode } from '../fs/vfs.ts'
import { MEM_KB, MEMORY } from './diskinfo.ts'
import { KERNEL_RELEASE, KERNEL_VERSION } from './system.ts'

/** The node's vCPUs (its capacity: cpu 2). */
const CPUS = 2

/** The node-wide files every image's /proc shows. */
export function addNodeProcFiles(proc: DirNode, now: number): void {
  proc.entries.set('cpuinfo', newFile(cpuinfo(), now, 0o444))
  proc.entries.set('meminfo', newFile(meminfo(), now, 0o444))
  proc.entries.set('version', newFile(`Linux version ${KERNEL_RELEASE} (buildd@lcy02-amd64-056) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${KERNEL_VERSION}\n`, now, 0o444))
}

function cpuinfo(): string {
  let out = ''
  for (let i = 0; i < CPUS; i++) {
    const rows: [string, string][] = [
      ['processor', String(i)], ['vendor_id', 'GenuineIntel'], ['cpu family', '6'], ['model', '85'],
      ['model name', 'Intel(R) Xeon(R) CPU @ 2.20GHz'], ['stepping', '7'], ['cpu MHz', '2200.154'], ['cache size', '39424 KB'],
      ['physical id', '0'], ['siblings', String(CPUS)], ['core id', String(i)], ['cpu cores', String(CPUS)],
      ['fpu', 'yes'], ['bogomips', '4400.30'], ['address sizes', '46 bits physical, 48 bits virtual'],
    ]
    // The kernel pads each name with tabs to the second tab stop: "model\t\t: 85".
    for (const [k, v] of rows) out += `${k}${k.length < 8 ? '\t\t' : '\t'}: ${v}\n`
    out += '\n'
  }
  return out
}

function meminfo(): string {
  const rows: [string, number][] = [
    ['MemTotal', MEM_KB], ['MemFree', MEMORY.free], ['MemAvailable', MEMORY.avail], ['Buffers', 60416],
    ['Cached', MEMORY.cache - 60416], ['SwapCached', 0], ['Shmem', MEMORY.shared], ['SwapTotal', 0], ['SwapFree', 0],
  ]
  // fs/proc/meminfo.c show_val_kb: the label padded to 16 columns, the value 8 wide.
  return rows.map(([k, v]) => `${(k + ':').padEnd(16)}${String(v).padStart(8)} kB\n`).join('')
}
