// The `volume` check: a PersistentVolumeClaim's volume holds files — at least N of them,
// or exactly one per completed run of the CronJobs whose Jobs mount that claim (a backup
// per run). Without a claim name, any claim in the namespace may pass.
import type { JobRecord } from '../engine/history/types.ts'
import { anyPasses, count, metaName, no, ok, outside, type CheckContext, type CheckOutcome, type Expect } from './check-common.ts'
import { josa } from './ko-particle.ts'

export function checkVolume(ctx: CheckContext, e: Expect): CheckOutcome {
  const ns = (e.namespace as string) ?? 'default'
  const claims = e.claim ? [e.claim as string] : ctx.list('PersistentVolumeClaim', ns).map(metaName)
  if (!claims.length) return no('noClaim', 'There is no PersistentVolumeClaim yet.', '아직 PersistentVolumeClaim이 없습니다.')
  const results = claims.map((c) => checkOneVolume(ctx, c, ns, e))
  // A claim that holds data says more about the student's attempt than an unused one.
  const used = results.filter((r) => r.reason !== 'noVolume' && r.reason !== 'noClaim')
  return anyPasses(used.length ? used : results)
}

function checkOneVolume(ctx: CheckContext, claim: string, ns: string, e: Expect): CheckOutcome {
  if (!ctx.get('PersistentVolumeClaim', claim, ns)) return no('noClaim', `There is no PersistentVolumeClaim ${claim}.`, `PersistentVolumeClaim ${josa(claim, '이')} 없습니다.`)
  const files = ctx.volumeFiles(claim, ns)
  if (!files) return no('noVolume', `No pod has used the volume of claim ${claim} yet.`, `아직 어떤 Pod도 ${claim} 볼륨을 사용하지 않았습니다.`)
  const re = new RegExp((e.filesMatching as string) ?? '.')
  const matching = files.filter((f) => re.test(f))
  if (e.perRun || e.perRunOf) {
    const runs = completedRuns(ctx, claim, ns, e.perRunOf as string | undefined)
    if (!runs.length)
      return no('noRuns', `No run of a CronJob that mounts claim ${claim} has completed yet.`, `${josa(claim, '을')} 마운트하는 CronJob의 실행이 아직 완료되지 않았습니다.`)
    if (matching.length !== runs.length)
      return no('perRun', `The volume of ${claim} holds ${count(matching.length, 'backup file')} for ${count(runs.length, 'completed run')}.`, `${claim} 볼륨에 백업 파일이 ${matching.length}개 있고, 완료된 실행은 ${runs.length}번입니다.`)
  }
  const bad = outside(matching.length, e.files, 'fileCount', `The volume of ${claim} holds ${count(matching.length, 'matching file')}`, `${claim} 볼륨에 맞는 파일이 ${matching.length}개 있습니다`)
  if (bad) return bad
  return ok(`The volume of ${claim} holds ${count(matching.length, 'file')}.`, `${claim} 볼륨에 파일이 ${matching.length}개 있습니다.`)
}

/** Completed Jobs of a CronJob (of `cronJob`, or of any) whose pods mount the claim. */
function completedRuns(ctx: CheckContext, claim: string, ns: string, cronJob?: string): JobRecord[] {
  return [...ctx.history.jobs.values()].filter(
    (j) => j.namespace === ns && j.outcome === 'Complete' && (cronJob ? j.cronJobName === cronJob : j.cronJobName !== undefined) && (j.claims ?? []).includes(claim),
  )
}
