# set listings, export/readonly, trap, kill -l, type, umask
set -- a; set | grep -v '^PPID\|^PWD\|^OPTIND\|^HOME\|^PATH'
x="a b"; readonly x; export -p | grep -v '^export P'; readonly -p
trap "echo t" 0; trap
trap "" INT TERM; trap
trap "echo x" 99; echo $?
kill -l 9; kill -l KILL; kill -l 137
type type; type local; type kill; type :; type if
umask; umask 027; umask; umask -S
set -o | head -3; set +o | head -2
echo $-; set -eu; echo $-; set +eu
echo end
command -v sh >/dev/null; which sh >/dev/null; type ls >/dev/null; cat /dev/null; sort </dev/null; hash | sed 's|.*/||'
