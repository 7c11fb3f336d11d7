// kubectl describe pod against the research lab (kubectl-output.md §8.5), at its
// clock Mon, 02 Jun 2025 10:04:35 UTC; texts are the research's real output.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../engine/api/types.ts'
import { rfc3339 } from '../../engine/kernel/time.ts'
import { labCluster, LAB_NOW } from '../fixtures.ts'
import { kubectl } from '../testkit.ts'

const COUNTDOWN_POD = `Name:             countdown-job-x7k2p
Namespace:        default
Priority:         0
Service Account:  default
Node:             lab-worker/172.18.0.2
Start Time:       Mon, 02 Jun 2025 09:59:35 +0000
Labels:           batch.kubernetes.io/controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
                  batch.kubernetes.io/job-name=countdown-job
                  controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
                  job-name=countdown-job
Annotations:      <none>
Status:           Succeeded
IP:               10.244.0.15
IPs:
  IP:           10.244.0.15
Controlled By:  Job/countdown-job
Containers:
  countdown:
    Container ID:  containerd://4f1c0a7e9b2d
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 02 Jun 2025 09:59:37 +0000
      Finished:     Mon, 02 Jun 2025 09:59:41 +0000
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8xk2f (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   False 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-8xk2f:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  5m1s   default-scheduler  Successfully assigned default/countdown-job-x7k2p to lab-worker
  Normal  Pulling    5m     kubelet            Pulling image "busybox:1.36"
  Normal  Pulled     4m59s  kubelet            Successfully pulled image "busybox:1.36" in 1.03s (1.03s including waiting). Image size: 2160406 bytes.
  Normal  Created    4m59s  kubelet            Created container: countdown
  Normal  Started    4m59s  kubelet            Started container countdown
`

const RETRY_POD_EXCERPTS = [
  `    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Mon, 02 Jun 2025 10:04:09 +0000
      Finished:     Mon, 02 Jun 2025 10:04:10 +0000
    Ready:          False
    Restart Count:  3
`,
  `Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Scheduled  2m10s               default-scheduler  Successfully assigned default/retry-job-9q8ws to lab-worker
  Normal   Pulled     26s (x4 over 2m9s)  kubelet            Container image "busybox:1.36" already present on machine
  Normal   Created    26s (x4 over 2m9s)  kubelet            Created container: worker
  Normal   Started    26s (x4 over 2m9s)  kubelet            Started container worker
  Warning  BackOff    12s (x6 over 110s)  kubelet            Back-off restarting failed container worker in pod retry-job-9q8ws_default(e2d4c6b8-a1f3-4e5d-9c7b-6a5f4e3d2c1b)
`,
]

// The whole report around the research's excerpts; oracle.test.ts checks it against the real client.
const RETRY_POD = `Name:             retry-job-9q8ws
Namespace:        default
Priority:         0
Service Account:  default
Node:             lab-worker/172.18.0.2
Start Time:       Mon, 02 Jun 2025 10:02:25 +0000
Labels:           batch.kubernetes.io/controller-uid=c4e8a1f3-6b2d-4a9e-8f7c-1d3e5b7a9c2f
                  batch.kubernetes.io/job-name=retry-job
                  controller-uid=c4e8a1f3-6b2d-4a9e-8f7c-1d3e5b7a9c2f
                  job-name=retry-job
Annotations:      <none>
Status:           Running
IP:               10.244.0.19
IPs:
  IP:           10.244.0.19
Controlled By:  Job/retry-job
Containers:
  worker:
    Container ID:  containerd://9e8d7c6b5a49
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Mon, 02 Jun 2025 10:04:09 +0000
      Finished:     Mon, 02 Jun 2025 10:04:10 +0000
    Ready:          False
    Restart Count:  3
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-z5c8d (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-z5c8d:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Scheduled  2m10s               default-scheduler  Successfully assigned default/retry-job-9q8ws to lab-worker
  Normal   Pulled     26s (x4 over 2m9s)  kubelet            Container image "busybox:1.36" already present on machine
  Normal   Created    26s (x4 over 2m9s)  kubelet            Created container: worker
  Normal   Started    26s (x4 over 2m9s)  kubelet            Started container worker
  Warning  BackOff    12s (x6 over 110s)  kubelet            Back-off restarting failed container worker in pod retry-job-9q8ws_default(e2d4c6b8-a1f3-4e5d-9c7b-6a5f4e3d2c1b)
`

describe('kubectl describe pod (research §8.5)', () => {
  it('§8.5 describe pod (Job pod)', () => {
    expect(kubectl(labCluster(), ['describe', 'pod', 'countdown-job-x7k2p'])).toEqual({ stdout: COUNTDOWN_POD, stderr: '', code: 0 })
  })
  it('§8.5 crash-looping pod: the research excerpts within the whole report', () => {
    const out = kubectl(labCluster(), ['describe', 'pod', 'retry-job-9q8ws']).stdout
    for (const part of RETRY_POD_EXCERPTS) expect(RETRY_POD).toContain(part)
    expect(out).toBe(RETRY_POD)
  })
  it('§8.5 a pod being deleted: Terminating (lasts N) and its grace period widen the first block', () => {
    const c = labCluster()
    const pod = c.store.get<Pod>('Pod', 'default', 'retry-job-9q8ws')!
    c.store.update({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: rfc3339(LAB_NOW - 5000), deletionGracePeriodSeconds: 30 } })
    const head = kubectl(c, ['describe', 'pod', 'retry-job-9q8ws']).stdout.split('\n').slice(10, 15).join('\n')
    expect(head).toBe(`Annotations:               <none>
Status:                    Terminating (lasts 5s)
Termination Grace Period:  30s
IP:                        10.244.0.19
IPs:`)
  })
})
