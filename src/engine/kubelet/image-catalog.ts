// The registry: real repositories and tags with their image config (Env, Entrypoint, Cmd) and realistic
// compressed linux/amd64 sizes; tags of one build share a digest (stand-in digests, inside the simulation only).

export type Flavor = 'busybox' | 'debian' | 'centos' | 'alpine' | 'distroless'

export interface ImageConfig {
  flavor: Flavor
  env: string[]
  entrypoint?: string[]
  cmd?: string[]
  workingDir?: string
  /** Memory the image's usual process holds when idle, for OOM accounting. */
  baselineBytes: number
  /** Base layers shared with other images (pulled once per node). */
  base?: string
  /** Executables the image brings: path -> program, "img:<name>" for image-programs.ts, else a shell program. */
  programs?: Record<string, string>
}

export interface ImageBuild {
  /** Repository digest (manifest list), without "sha256:". */
  digest: string
  /** Compressed size in bytes, what containerd reports as the image size. */
  size: number
  config: ImageConfig
}

export interface Repository {
  /** Fully qualified name, e.g. docker.io/library/busybox. */
  name: string
  /** tag -> build name (key of BUILDS) */
  tags: Record<string, string>
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const MiB = 1024 * 1024

const busybox = (cmd = ['sh']): ImageConfig => ({ flavor: 'busybox', env: [PATH], cmd, baselineBytes: 1 * MiB })
const alpine: ImageConfig = { flavor: 'alpine', env: [PATH], cmd: ['/bin/sh'], baselineBytes: 1 * MiB, base: 'alpine' }
const debian = (cmd: string[]): ImageConfig => ({ flavor: 'debian', env: [PATH], cmd, baselineBytes: 3 * MiB, base: 'debian-bookworm' })
const pyEnv = (v: string) => ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', `PYTHON_VERSION=${v}`]

export const BUILDS: Record<string, ImageBuild> = {
  'busybox-1.37.0': { digest: 'f85340bf132ae937d2c2a763b8335c9bab35d6e8293f70f606b9c6178d84f42b', size: 2156519, config: busybox() },
  'busybox-1.36.1': { digest: '7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447', size: 2160406, config: busybox() },
  'busybox-1.36.1-musl': { digest: '2a7b3c8a11c6c5e4e4c3a47a2d1d5d90b0b7a02e1b5f0fbb0e2c04ae58a50f41', size: 843297, config: busybox() },
  'busybox-1.36.1-uclibc': { digest: '5c6e0d2bd8d6a1dcbd5c0f5fbd6fef7f2c8c3b5d3fbb7b7a7c17f0cf7e0ad1b2', size: 1012438, config: busybox() },
  'busybox-1.35.0': { digest: '3a26e4f7da2a4e3c6d7bb0dbf4b1ff0c0fa7d67a1e3b2a0ac61d9a1e0e62a8d3', size: 2205224, config: busybox() },
  'alpine-3.22.1': { digest: '4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1', size: 3802452, config: alpine },
  'alpine-3.21.4': { digest: 'b6a6be0ff92ab6db8acd94f5d1b7a6c2f0f5d1eb3f3d9e1c1b0e9f0a0b3b3c2d', size: 3642289, config: alpine },
  'alpine-3.20.7': { digest: '1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a', size: 3625304, config: alpine },
  'ubuntu-24.04': { digest: '7c06e91f61fa88c08cc74f7e1b7c69ae24910d745357e0dfe1d2c0322aaf20f9', size: 29724688, config: { ...debian(['/bin/bash']), base: 'ubuntu-noble' } },
  'ubuntu-22.04': { digest: '1ec65b2719518e27d4d25f104d93f9fac60dc437f81452302406825c46fcc9cb', size: 29536047, config: { ...debian(['/bin/bash']), base: 'ubuntu-jammy' } },
  'debian-12': { digest: 'b6507e340c43553136f5078284c8c68d86ec8262b1724dde73c325e8d3dcdeba', size: 48494272, config: debian(['bash']) },
  'debian-12-slim': { digest: 'df52e55e3361a81ac1bead266f3373ee55d29aa50cf0975d440c2be3483d8ed3', size: 28227259, config: { ...debian(['bash']), base: 'debian-bookworm-slim' } },
  'centos-7': { digest: 'be65f488b7764ad3638f236b7b515b3678369a5124c47b8d32916d6487418ea4', size: 76097157, config: { flavor: 'centos', env: [PATH], cmd: ['/bin/bash'], baselineBytes: 3 * MiB, base: 'centos-7' } },
  'perl-5.40.2': { digest: '2f1e5e1c9d6a6d2f0b7c1f3a8a5e4c2d1b0a9f8e7d6c5b4a3928171605f4e3d2', size: 337601913, config: { ...debian(['perl5.40.2', '-de0']), env: [PATH, 'PERL_VERSION=5.40.2'], baselineBytes: 6 * MiB, programs: { '/usr/local/bin/perl': 'perl', '/usr/local/bin/perl5.40.2': 'perl' } } },
  'perl-5.34.0': { digest: '8a8b6f2b7d5e3c0d1f6e9a4b2c7d8e5f3a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d', size: 334853122, config: { ...debian(['perl5.34.0', '-de0']), env: [PATH, 'PERL_VERSION=5.34.0'], baselineBytes: 6 * MiB, programs: { '/usr/local/bin/perl': 'perl', '/usr/local/bin/perl5.34.0': 'perl' } } },
  'python-3.13.5': { digest: '28f60ab75da2183870846130cead1f6af30162148d3238348f78f89cf6160b5d', size: 382105742, config: { ...debian(['python3']), env: pyEnv('3.13.5'), baselineBytes: 10 * MiB, programs: { '/usr/local/bin/python3': 'python3', '/usr/local/bin/python': 'python3' } } },
  'python-3.12.11': { digest: 'a3b9e1d6c8a1f0e2d3c4b5a69788a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0', size: 380473219, config: { ...debian(['python3']), env: pyEnv('3.12.11'), baselineBytes: 10 * MiB, programs: { '/usr/local/bin/python3': 'python3', '/usr/local/bin/python': 'python3' } } },
  'python-3.12.11-slim': { digest: 'b7e8f9a0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8', size: 44905374, config: { ...debian(['python3']), env: pyEnv('3.12.11'), baselineBytes: 10 * MiB, base: 'debian-bookworm-slim', programs: { '/usr/local/bin/python3': 'python3', '/usr/local/bin/python': 'python3' } } },
  'python-3.12.11-alpine': { digest: 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2', size: 17652840, config: { ...alpine, env: pyEnv('3.12.11'), cmd: ['python3'], baselineBytes: 10 * MiB, programs: { '/usr/local/bin/python3': 'python3', '/usr/local/bin/python': 'python3' } } },
  'nginx-1.29.0': { digest: '84ec966e61a8c7846f509da7eb081c55c1d56817448728924a87ab32f12a72fb', size: 72225394, config: { ...debian(['nginx', '-g', 'daemon off;']), entrypoint: ['/docker-entrypoint.sh'], env: [PATH, 'NGINX_VERSION=1.29.0', 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'], programs: { '/docker-entrypoint.sh': 'img:nginx-entrypoint', '/usr/sbin/nginx': 'img:nginx' } } },
  'nginx-1.27.5': { digest: '6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d', size: 68857691, config: { ...debian(['nginx', '-g', 'daemon off;']), entrypoint: ['/docker-entrypoint.sh'], env: [PATH, 'NGINX_VERSION=1.27.5', 'NJS_VERSION=0.8.10', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'], programs: { '/docker-entrypoint.sh': 'img:nginx-entrypoint', '/usr/sbin/nginx': 'img:nginx' } } },
  'nginx-1.29.0-alpine': { digest: 'd67ea0d64d518b1bb04acde3b00f722ac3e9764b3209a9b0a98924ba35e4b779', size: 21690021, config: { ...alpine, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], env: [PATH, 'NGINX_VERSION=1.29.0', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1'], baselineBytes: 3 * MiB, programs: { '/docker-entrypoint.sh': 'img:nginx-entrypoint', '/usr/sbin/nginx': 'img:nginx' } } },
  'mysql-8.4.5': { digest: '0a5e1d3f0c2b8a7e6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d', size: 163118431, config: { flavor: 'centos', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], env: [PATH, 'GOSU_VERSION=1.17', 'MYSQL_MAJOR=8.4', 'MYSQL_VERSION=8.4.5-1.el9', 'MYSQL_SHELL_VERSION=8.4.5-1.el9'], baselineBytes: 380 * MiB, base: 'oraclelinux-9', programs: { '/usr/local/bin/docker-entrypoint.sh': 'img:mysql-entrypoint', '/usr/sbin/mysqld': 'img:mysqld' } } },
  'mysql-8.0.42': { digest: '1b6f2e4a0d3c9b8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49', size: 164612507, config: { flavor: 'centos', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], env: [PATH, 'GOSU_VERSION=1.17', 'MYSQL_MAJOR=8.0', 'MYSQL_VERSION=8.0.42-1.el9', 'MYSQL_SHELL_VERSION=8.0.42-1.el9'], baselineBytes: 360 * MiB, base: 'oraclelinux-9', programs: { '/usr/local/bin/docker-entrypoint.sh': 'img:mysql-entrypoint', '/usr/sbin/mysqld': 'img:mysqld' } } },
  'mysql-5.7.44': { digest: '4bc6bc963e6d8443453676cae56536f4b8156d78bae03c0145cbe47c2aad73bb', size: 137384216, config: { flavor: 'centos', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], env: [PATH, 'GOSU_VERSION=1.16', 'MYSQL_MAJOR=5.7', 'MYSQL_VERSION=5.7.44-1.el7', 'MYSQL_SHELL_VERSION=8.0.35-1.el7'], baselineBytes: 200 * MiB, base: 'oraclelinux-7', programs: { '/usr/local/bin/docker-entrypoint.sh': 'img:mysql-entrypoint', '/usr/sbin/mysqld': 'img:mysqld' } } },
  'bash-5.2.37': { digest: '01a15c6f48f6a3c08431cd77e11567823530b18159889dca3b7309b707beef91', size: 6244319, config: { ...alpine, entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'], env: [PATH, '_BASH_VERSION=5.2.37', '_BASH_BASELINE=5.2.37'], baselineBytes: 3 * MiB, programs: { '/usr/local/bin/docker-entrypoint.sh': 'img:bash-entrypoint' } } },
  'curl-8.15.0': { digest: '4026b29997dc7c823b51c164b71e2b51e0fd95cce4601f78202c513d97da2922', size: 10004853, config: { ...alpine, entrypoint: ['/entrypoint.sh'], cmd: ['curl'], env: [PATH, 'CURL_CA_BUNDLE=/cacert.pem', 'CURL_VERSION=8.15.0', 'CURL_RELEASE_TAG=curl-8_15_0'], workingDir: '/home/curl_user', baselineBytes: 2 * MiB, programs: { '/entrypoint.sh': 'img:curl-entrypoint', '/usr/bin/curl': 'curl' } } },
  'pause-3.10': { digest: 'ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a', size: 320368, config: { flavor: 'distroless', env: [PATH], entrypoint: ['/pause'], baselineBytes: 256 * 1024, programs: { '/pause': 'img:pause' } } },
  'kube-proxy-v1.33.2': { digest: '4796ef3e43efa5ed2a5b015c18f81d3c2fe3aea36f555ea643cc01827eb65e51', size: 31887726, config: { flavor: 'distroless', env: [PATH], entrypoint: ['/usr/local/bin/kube-proxy'], baselineBytes: 30 * MiB, programs: { '/usr/local/bin/kube-proxy': 'img:sys:kube-proxy' } } },
  'kube-apiserver-v1.33.2': { digest: 'e8ae58675899e946fabe38425f2b3bfd33120b7930d05b5898de97c81a7f6137', size: 30075034, config: { flavor: 'distroless', env: [PATH], entrypoint: ['kube-apiserver'], baselineBytes: 300 * MiB, programs: { '/usr/local/bin/kube-apiserver': 'img:sys:kube-apiserver' } } },
  'kube-controller-manager-v1.33.2': { digest: '2236e72a4be5dcc9c04600353ff8849db1557f5364947c520ff05471ae719081', size: 27646507, config: { flavor: 'distroless', env: [PATH], entrypoint: ['kube-controller-manager'], baselineBytes: 60 * MiB, programs: { '/usr/local/bin/kube-controller-manager': 'img:sys:kube-controller-manager' } } },
  'kube-scheduler-v1.33.2': { digest: '304c28303133be7d927973bc9bd6c83945b3735c59d283c25b63d5b9ed53bca3', size: 21782634, config: { flavor: 'distroless', env: [PATH], entrypoint: ['kube-scheduler'], baselineBytes: 30 * MiB, programs: { '/usr/local/bin/kube-scheduler': 'img:sys:kube-scheduler' } } },
  'etcd-3.5.21-0': { digest: 'd58c035df557080a27387d687092e3fc2b64c6d0e3162dc51453a115f847d121', size: 58938593, config: { flavor: 'distroless', env: [PATH], entrypoint: ['etcd'], baselineBytes: 60 * MiB, programs: { '/usr/local/bin/etcd': 'img:sys:etcd' } } },
  'coredns-v1.12.0': { digest: '40384aa1f5ea6bfdc77997d243aec73da05f27aed0c5e9d65bfa98933c519d97', size: 20939036, config: { flavor: 'distroless', env: [PATH], entrypoint: ['/coredns'], baselineBytes: 20 * MiB, programs: { '/coredns': 'img:sys:coredns' } } },
  // canal (Calico policy and flannel's VXLAN network) and Rancher's local-path provisioner, as the lab's setup applied them.
  'calico-cni-v3.29.3': { digest: '6b0e5c3c8b1e4d2a9f7c0e3d5b8a1f4e6c9d2b5a8e1f3c6d9b2e5a8c1f4d7e0b', size: 96914820, config: { flavor: 'distroless', env: [PATH], cmd: ['/opt/cni/bin/install'], baselineBytes: 10 * MiB, programs: { '/opt/cni/bin/install': 'img:sys:install-cni' } } },
  'calico-node-v3.29.3': { digest: '9c2f7a4e1d8b5c3a0f6e9d2b7c4a1e8f5d3b0c7a4e1f8d5b2c9a6e3f0d7b4c1a', size: 146385102, config: { flavor: 'centos', env: [PATH], entrypoint: ['start_runit'], baselineBytes: 60 * MiB, programs: { '/usr/sbin/start_runit': 'img:sys:calico-node', '/bin/calico-node': 'img:sys:calico-node' } } },
  'calico-kube-controllers-v3.29.3': { digest: '3e8a1c6f4b9d2e7a0c5f8b3d6e1a4c9f2b7d0e5a8c3f6b1d4e9a2c7f0b5d8e3a', size: 35272614, config: { flavor: 'distroless', env: [PATH], entrypoint: ['/usr/bin/kube-controllers'], baselineBytes: 20 * MiB, programs: { '/usr/bin/kube-controllers': 'img:sys:calico-kube-controllers' } } },
  'flannel-v0.24.4': { digest: 'a2d5f8c1e4b7a0d3f6c9e2b5a8d1f4c7e0b3d6a9f2c5e8b1d4a7f0c3e6b9d2a5', size: 30897349, config: { ...alpine, cmd: ['/opt/bin/flanneld'], baselineBytes: 15 * MiB, programs: { '/opt/bin/flanneld': 'img:sys:flanneld' } } },
  'local-path-provisioner-v0.0.31': { digest: 'd4f7a0c3e6b9d2f5a8c1e4b7d0a3f6c9e2b5d8a1f4c7e0b3d6a9f2c5e8b1d4a7', size: 19628543, config: { ...alpine, entrypoint: ['local-path-provisioner'], cmd: [], baselineBytes: 10 * MiB, programs: { '/usr/bin/local-path-provisioner': 'img:sys:local-path-provisioner' } } },
  'hello-world-latest': { digest: 'ec153840d1e635ac434fab5e377081f17e0e15afab27beb3f726c3265039cfff', size: 3208, config: { flavor: 'distroless', env: [PATH], cmd: ['/hello'], baselineBytes: 128 * 1024, programs: { '/hello': 'img:hello' } } },
}

const repo = (name: string, tags: Record<string, string>): Repository => ({ name, tags })

export const REPOSITORIES: Repository[] = [
  repo('docker.io/library/busybox', {
    latest: 'busybox-1.37.0', stable: 'busybox-1.37.0', '1.37': 'busybox-1.37.0', '1.37.0': 'busybox-1.37.0', glibc: 'busybox-1.37.0', '1.37-glibc': 'busybox-1.37.0',
    '1.36': 'busybox-1.36.1', '1.36.1': 'busybox-1.36.1', '1.36-glibc': 'busybox-1.36.1', '1.36.1-glibc': 'busybox-1.36.1',
    musl: 'busybox-1.36.1-musl', '1.36-musl': 'busybox-1.36.1-musl', '1.36.1-musl': 'busybox-1.36.1-musl',
    uclibc: 'busybox-1.36.1-uclibc', '1.36-uclibc': 'busybox-1.36.1-uclibc', '1.36.1-uclibc': 'busybox-1.36.1-uclibc',
    '1.35': 'busybox-1.35.0', '1.35.0': 'busybox-1.35.0',
  }),
  repo('docker.io/library/alpine', { latest: 'alpine-3.22.1', '3': 'alpine-3.22.1', '3.22': 'alpine-3.22.1', '3.22.1': 'alpine-3.22.1', '3.21': 'alpine-3.21.4', '3.21.4': 'alpine-3.21.4', '3.20': 'alpine-3.20.7', '3.20.7': 'alpine-3.20.7' }),
  repo('docker.io/library/ubuntu', { latest: 'ubuntu-24.04', '24.04': 'ubuntu-24.04', noble: 'ubuntu-24.04', '22.04': 'ubuntu-22.04', jammy: 'ubuntu-22.04' }),
  repo('docker.io/library/debian', { latest: 'debian-12', '12': 'debian-12', bookworm: 'debian-12', 'stable': 'debian-12', '12-slim': 'debian-12-slim', 'bookworm-slim': 'debian-12-slim', 'stable-slim': 'debian-12-slim' }),
  repo('docker.io/library/centos', { '7': 'centos-7', centos7: 'centos-7', '7.9.2009': 'centos-7', latest: 'centos-7' }),
  repo('docker.io/library/perl', { latest: 'perl-5.40.2', '5': 'perl-5.40.2', '5.40': 'perl-5.40.2', '5.40.2': 'perl-5.40.2', '5.34': 'perl-5.34.0', '5.34.0': 'perl-5.34.0' }),
  repo('docker.io/library/python', {
    latest: 'python-3.13.5', '3': 'python-3.13.5', '3.13': 'python-3.13.5', '3.13.5': 'python-3.13.5',
    '3.12': 'python-3.12.11', '3.12.11': 'python-3.12.11', '3.12-slim': 'python-3.12.11-slim', '3.12-alpine': 'python-3.12.11-alpine',
  }),
  repo('docker.io/library/nginx', { latest: 'nginx-1.29.0', mainline: 'nginx-1.29.0', '1.29': 'nginx-1.29.0', '1.29.0': 'nginx-1.29.0', '1.27': 'nginx-1.27.5', '1.27.5': 'nginx-1.27.5', alpine: 'nginx-1.29.0-alpine', '1.29-alpine': 'nginx-1.29.0-alpine' }),
  repo('docker.io/library/mysql', { latest: 'mysql-8.4.5', '8': 'mysql-8.4.5', '8.4': 'mysql-8.4.5', lts: 'mysql-8.4.5', '8.0': 'mysql-8.0.42', '8.0.42': 'mysql-8.0.42', '5.7': 'mysql-5.7.44', '5.7.44': 'mysql-5.7.44', '5': 'mysql-5.7.44' }),
  repo('docker.io/library/bash', { latest: 'bash-5.2.37', '5': 'bash-5.2.37', '5.2': 'bash-5.2.37', '5.2.37': 'bash-5.2.37' }),
  repo('docker.io/library/hello-world', { latest: 'hello-world-latest' }),
  repo('docker.io/curlimages/curl', { latest: 'curl-8.15.0', '8.15.0': 'curl-8.15.0' }),
  repo('registry.k8s.io/pause', { '3.10': 'pause-3.10' }),
  repo('registry.k8s.io/kube-proxy', { 'v1.33.2': 'kube-proxy-v1.33.2' }),
  repo('registry.k8s.io/kube-apiserver', { 'v1.33.2': 'kube-apiserver-v1.33.2' }),
  repo('registry.k8s.io/kube-controller-manager', { 'v1.33.2': 'kube-controller-manager-v1.33.2' }),
  repo('registry.k8s.io/kube-scheduler', { 'v1.33.2': 'kube-scheduler-v1.33.2' }),
  repo('registry.k8s.io/etcd', { '3.5.21-0': 'etcd-3.5.21-0' }),
  repo('registry.k8s.io/coredns/coredns', { 'v1.12.0': 'coredns-v1.12.0' }),
  repo('docker.io/calico/cni', { 'v3.29.3': 'calico-cni-v3.29.3' }),
  repo('docker.io/calico/node', { 'v3.29.3': 'calico-node-v3.29.3' }),
  repo('docker.io/calico/kube-controllers', { 'v3.29.3': 'calico-kube-controllers-v3.29.3' }),
  repo('docker.io/flannel/flannel', { 'v0.24.4': 'flannel-v0.24.4' }),
  repo('docker.io/rancher/local-path-provisioner', { 'v0.0.31': 'local-path-provisioner-v0.0.31' }),
]
