// An image's root filesystem, small but real where scripts and `ls /` look: its
// directories, /etc/passwd and /etc/group, and an executable per program on $PATH
// (FileNode.exec names it): busybox applet links, or bash and coreutils.
import { addNodeProcFiles } from '../commands/nodeproc.ts'
import { newDir, newFile, type DirNode } from './vfs.ts'

export type Flavor = 'busybox' | 'debian' | 'centos' | 'alpine' | 'distroless'

/** Applets of the busybox image (all linked in /bin). */
const BUSYBOX_APPLETS = (
  '[ [[ acpid addgroup adduser adjtimex ar arch arp arping ash awk base32 base64 basename bc beep blkdiscard blkid ' +
  'blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat chattr chgrp chmod chown chpasswd chpst chroot chrt chvt ' +
  'cksum clear cmp comm conspy cp cpio crc32 crond crontab cryptpw cttyhack cut date dc dd deallocvt delgroup deluser ' +
  'depmod devmem df dhcprelay diff dirname dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ' +
  'ed egrep eject env envdir envuidgid ether-wake expand expr factor fakeidentd fallocate false fatattr fbset fbsplash ' +
  'fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free freeramdisk fsck fsfreeze fstrim fsync ftpd ftpget ' +
  'ftpput fuser getconf getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hexedit hostid hostname httpd ' +
  'hush hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup inetd init insmod ' +
  'install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule iptunnel kbd_mode kill killall ' +
  'killall5 klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup lpd ' +
  'lpq lpr ls lsattr lsmod lsof lspci lsscsi lsusb lzcat lzma lzop makedevs makemime man md5sum mdev mesg microcom mim ' +
  'mkdir mkdosfs mke2fs mkfifo mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more mount ' +
  'mountpoint mpstat mt mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter nohup nologin nproc nsenter ' +
  'nslookup ntpd nuke od openvt partprobe passwd paste patch pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap ' +
  'popmaildir poweroff powertop printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink ' +
  'readprofile realpath reboot reformime remove-shell renice reset resize resume rev rm rmdir rmmod route rpm rpm2cpio ' +
  'rtcwake run-init run-parts runlevel runsv runsvdir rx script scriptreplay sed sendmail seq setarch setconsole ' +
  'setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid sh sha1sum sha256sum sha3sum sha512sum ' +
  'showkey shred shuf slattach sleep smemcap softlimit sort split ssl_client start-stop-daemon stat strings stty su ' +
  'sulogin sum sv svc svlogd svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee ' +
  'telnet telnetd test tftp tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ' +
  'ttysize tunctl ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd udpsvd ' +
  'uevent umount uname unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime users usleep uudecode uuencode ' +
  'vconfig vi vlock volname w wall watch watchdog wc wget which who whoami whois xargs xxd xz xzcat yes zcat zcip'
).split(' ')

/** What the GNU-based images carry on $PATH (coreutils, procps-less slim images). */
const GNU_PROGRAMS = (
  'bash sh cat ls echo sleep date env grep egrep fgrep sed awk head tail wc tr cut sort uniq seq expr touch mkdir rm ' +
  'rmdir cp mv ln basename dirname tee yes hostname id uname printf test [ true false kill pwd timeout nohup xargs find ' +
  'chmod chown chgrp readlink realpath md5sum sha1sum sha256sum sha512sum base64 od rev nproc printenv whoami stat du ' +
  'df tac nl paste fold mktemp comm cksum split shuf sync tr tty users who arch dd gzip gunzip zcat tar mount umount ' +
  'getopt less more which'
).split(' ')

const BUSYBOX_PASSWD =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\n' +
  'sys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\n' +
  'www-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\n' +
  'nobody:x:65534:65534:nobody:/home:/bin/false\n'

const BUSYBOX_GROUP =
  'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\n' +
  'wheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\n' +
  'operator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n'

const GNU_PASSWD =
  'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n' +
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'

const GNU_GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nstaff:x:50:\nusers:x:100:\nnogroup:x:65534:\n'

/** The devices scripts name (the shell and the utilities treat them specially). */
const DEVICES = ['null', 'zero', 'random', 'urandom', 'tty', 'stdin', 'stdout', 'stderr', 'full']

const templates = new Map<Flavor, DirNode>()

/** A fresh root filesystem for a container of this image, every node stamped `now`. */
export function makeRootFs(flavor: Flavor, now: number): DirNode {
  let tpl = templates.get(flavor)
  if (!tpl) templates.set(flavor, (tpl = buildRootFs(flavor, 0)))
  return stamp(tpl, now)
}

/** Copy a tree with every mtime set to `now` (cheaper than building it again). */
function stamp(dir: DirNode, now: number): DirNode {
  const out = newDir(now, dir.mode)
  for (const [k, v] of dir.entries) out.entries.set(k, v.type === 'dir' ? stamp(v, now) : { ...v, mtime: now })
  return out
}

function buildRootFs(flavor: Flavor, now: number): DirNode {
  const root = newDir(now)
  const dir = (path: string, mode = 0o755): DirNode => {
    let d = root
    for (const part of path.split('/').filter(Boolean)) {
      let next = d.entries.get(part)
      if (!next || next.type !== 'dir') d.entries.set(part, (next = newDir(now, mode)))
      d = next
    }
    return d
  }
  const file = (path: string, data: string, mode = 0o644): void => {
    const i = path.lastIndexOf('/')
    dir(path.slice(0, i)).entries.set(path.slice(i + 1), newFile(data, now, mode))
  }
  const program = (path: string, exec: string): void => {
    const i = path.lastIndexOf('/')
    dir(path.slice(0, i)).entries.set(path.slice(i + 1), { ...newFile('', now, 0o755), exec })
  }
  for (const d of ['dev', 'etc', 'proc', 'sys', 'tmp', 'root', 'var', 'usr', 'home']) dir(d, d === 'tmp' ? 0o1777 : d === 'root' ? 0o700 : 0o755)
  for (const d of DEVICES) file(`/dev/${d}`, '', 0o666)
  addNodeProcFiles(dir('/proc'), now)
  if (flavor === 'distroless') {
    file('/etc/passwd', 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n')
    file('/etc/group', 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n')
    dir('/home/nonroot')
    return root
  }
  if (flavor === 'busybox' || flavor === 'alpine') {
    program('/bin/busybox', 'busybox')
    for (const a of BUSYBOX_APPLETS) program(`/bin/${a}`, a === 'ash' || a === 'hush' ? 'sh' : a)
    file('/etc/passwd', BUSYBOX_PASSWD)
    file('/etc/group', BUSYBOX_GROUP)
    dir('/usr/sbin')
    dir('/var/spool/mail')
    dir('/var/www')
    if (flavor === 'alpine') {
      for (const d of ['lib', 'media', 'mnt', 'opt', 'run', 'sbin', 'srv', 'usr/bin', 'usr/lib', 'usr/local/bin', 'var/cache', 'var/log']) dir(d)
      file('/etc/alpine-release', '3.21.3\n')
      file('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n')
    } else dir('/lib')
    return root
  }
  for (const d of ['bin', 'boot', 'lib', 'lib64', 'media', 'mnt', 'opt', 'run', 'sbin', 'srv', 'usr/bin', 'usr/sbin', 'usr/lib', 'usr/local/bin', 'var/log', 'var/tmp']) dir(d)
  // Debian's /bin/sh is dash; CentOS's is bash.
  for (const p of GNU_PROGRAMS) {
    const exec = p === 'sh' ? (flavor === 'centos' ? 'bash' : 'dash') : p
    program(`/usr/bin/${p}`, exec)
    program(`/bin/${p}`, exec)
  }
  if (flavor === 'debian') {
    program('/usr/bin/dash', 'dash')
    program('/bin/dash', 'dash')
  }
  file('/etc/passwd', GNU_PASSWD)
  file('/etc/group', GNU_GROUP)
  if (flavor === 'centos') {
    file('/etc/centos-release', 'CentOS Linux release 7.9.2009 (Core)\n')
    file('/etc/os-release', 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n')
  } else {
    file('/etc/debian_version', '12.10\n')
    file('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n')
  }
  return root
}
