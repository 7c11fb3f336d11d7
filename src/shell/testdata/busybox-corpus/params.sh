# Parameter expansion forms
v=hello/world.tar.gz
echo ${v#*/} ${v##*.} ${v%.*} ${v%%.*} ${#v}
echo ${v/o/0} ${v//o/0} ${v:2} ${v:2:3} ${v: -3} ${v:1:-2}
echo ${u:-default} ${u-unsetdefault} "${e:-null}" "${e-set}"
e=
echo "[${e:+alt}]" "[${v:+alt}]" "[${u+alt}]" "[${e+alt}]"
echo ${n:=assigned} $n
echo ${#u} ${#e}
set -- one two three
echo $# $1 ${2} ${3:-x} ${4:-none} "$*" "$@"
echo "${@}" ${#@}
IFS=:; echo "$*"; IFS=' '
f() { echo "$#:$1:$2"; }
f "$@"
f "$*"
f $*
f "a b" c
echo ${v/*./X} ${v//[ol]/_}
p='*.gz'
echo ${v%$p} ${v%"$p"}
echo $0
