# Functions, locals, recursion, return, FUNCNAME
f() {
  local x=$1
  if [ $x -le 1 ]; then echo 1; return; fi
  echo $(( x * $(f $((x-1))) ))
}
f 5
fib() { if [ $1 -lt 2 ]; then echo $1; else echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); fi; }
fib 10
g() { local a=1 b; b=2; echo $a$b; }; g; echo "[$a$b]"
h() { local x; echo "[$x]"; x=in; }; x=out; h; echo $x
k() { x=1 local y=2; echo $x$y; }; k; echo "[$x]"
n() { echo $FUNCNAME; m; }; m() { echo $FUNCNAME; }; n; echo "[$FUNCNAME]"
r() { return 300; }; r; echo $?
s() (echo subshell-body; exit 3); s; echo $?
t() { echo a; } > /dev/null; t; echo b
u() { echo "$# $*"; shift; echo "$# $*"; }; u 1 2 3; echo "outer $#"
set -- o1 o2; u x; echo "$@"
