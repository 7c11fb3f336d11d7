// version, cluster-info, api-resources and config: full outputs. Layouts were
// checked against real kubectl v1.33.1 talking to a fake API server; the
// version data are those of the real v1.33.2 release.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../engine/cluster.ts'
import { defaultKubeConfig } from '../context.ts'
import { kubectl } from '../testkit.ts'

const run = (line: string, kubeconfig = defaultKubeConfig()) => kubectl(new Cluster(), line, { kubeconfig })

describe('kubectl version', () => {
  it('text', () => {
    expect(run('version')).toEqual({ stdout: 'Client Version: v1.33.2\nKustomize Version: v5.6.0\nServer Version: v1.33.2\n', stderr: '', code: 0 })
    expect(run('version --client').stdout).toBe('Client Version: v1.33.2\nKustomize Version: v5.6.0\n')
  })

  it('-o json keeps version.Info field order with 2-space indent', () => {
    expect(run('version --client -o json').stdout).toBe(`{
  "clientVersion": {
    "major": "1",
    "minor": "33",
    "gitVersion": "v1.33.2",
    "gitCommit": "a57b6f7709f6c2722b92f07b8b4c48210a51fc40",
    "gitTreeState": "clean",
    "buildDate": "2025-06-17T18:31:32Z",
    "goVersion": "go1.24.4",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.6.0"
}
`)
  })

  it('-o yaml sorts keys; the server reports its emulation version', () => {
    expect(run('version -o yaml').stdout).toBe(`clientVersion:
  buildDate: "2025-06-17T18:31:32Z"
  compiler: gc
  gitCommit: a57b6f7709f6c2722b92f07b8b4c48210a51fc40
  gitTreeState: clean
  gitVersion: v1.33.2
  goVersion: go1.24.4
  major: "1"
  minor: "33"
  platform: linux/amd64
kustomizeVersion: v5.6.0
serverVersion:
  buildDate: "2025-06-17T18:31:32Z"
  compiler: gc
  emulationMajor: "1"
  emulationMinor: "33"
  gitCommit: a57b6f7709f6c2722b92f07b8b4c48210a51fc40
  gitTreeState: clean
  gitVersion: v1.33.2
  goVersion: go1.24.4
  major: "1"
  minCompatibilityMajor: "1"
  minCompatibilityMinor: "32"
  minor: "33"
  platform: linux/amd64
`)
  })

  it('rejects other formats', () => {
    expect(run('version -o name')).toEqual({ stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", code: 1 })
  })
})

describe('kubectl cluster-info', () => {
  it('prints in go-colortext colours', () => {
    expect(run('cluster-info').stdout).toBe(
      '\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443\x1b[0m\n' +
        '\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    )
  })
})

describe('kubectl api-resources', () => {
  const cases: [string, string][] = [
    [
      'api-resources',
      `NAME                     SHORTNAMES   APIVERSION          NAMESPACED   KIND
events                   ev           v1                  true         Event
namespaces               ns           v1                  false        Namespace
nodes                    no           v1                  false        Node
persistentvolumeclaims   pvc          v1                  true         PersistentVolumeClaim
persistentvolumes        pv           v1                  false        PersistentVolume
pods                     po           v1                  true         Pod
services                 svc          v1                  true         Service
cronjobs                 cj           batch/v1            true         CronJob
jobs                                  batch/v1            true         Job
storageclasses           sc           storage.k8s.io/v1   false        StorageClass
`,
    ],
    ['api-resources -o name --namespaced=true', 'events\npersistentvolumeclaims\npods\nservices\ncronjobs.batch\njobs.batch\n'],
    ['api-resources --api-group=batch --no-headers', 'cronjobs   cj    batch/v1   true   CronJob\njobs             batch/v1   true   Job\n'],
    [
      'api-resources --namespaced=false -o wide',
      `NAME                SHORTNAMES   APIVERSION          NAMESPACED   KIND               VERBS                                                        CATEGORIES
namespaces          ns           v1                  false        Namespace          create,delete,get,list,patch,update,watch                    
nodes               no           v1                  false        Node               create,delete,deletecollection,get,list,patch,update,watch   
persistentvolumes   pv           v1                  false        PersistentVolume   create,delete,deletecollection,get,list,patch,update,watch   
storageclasses      sc           storage.k8s.io/v1   false        StorageClass       create,delete,deletecollection,get,list,patch,update,watch   
`,
    ],
  ]
  it.each(cases)('kubectl %s', (line, stdout) => {
    expect(run(line)).toEqual({ stdout, stderr: '', code: 0 })
  })
})

describe('kubectl config', () => {
  it('view, get-contexts, and a namespace switch later commands follow', () => {
    const kc = defaultKubeConfig()
    const c = new Cluster()
    expect(kubectl(c, 'config current-context', { kubeconfig: kc }).stdout).toBe('kubernetes-admin@kubernetes\n')
    expect(kubectl(c, 'config set-context --current --namespace=kube-system', { kubeconfig: kc }).stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n')
    expect(kubectl(c, 'config get-contexts', { kubeconfig: kc }).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n',
    )
    expect(kubectl(c, 'config view', { kubeconfig: kc }).stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://172.30.1.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    namespace: kube-system
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`)
    expect(kubectl(c, 'get pods -l component=etcd -o name', { kubeconfig: kc }).stdout).toBe('pod/etcd-controlplane\n')
    expect(kubectl(c, 'get jobs', { kubeconfig: kc }).stderr).toBe('No resources found in kube-system namespace.\n')
    expect(kubectl(c, 'config use-context other', { kubeconfig: kc })).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "other"\n', code: 1 })
  })
})
