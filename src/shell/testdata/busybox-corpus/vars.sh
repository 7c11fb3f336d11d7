# Variables, export, readonly, set
a=1 b=2; echo $a$b
a=3 true; echo $a
export E1=x; sh -c 'echo child sees $E1'
NE=1; sh -c 'echo child sees [$NE]'
F=inline sh -c 'echo $F'; echo "after [$F]"
readonly R=1; echo $R
unset a; echo "[$a]"
set -- x y z; echo $#; shift; echo $1 $#; shift 2; echo $#
set -- a b; set -- "$@" c; echo "$@"
export -p | grep E1
unset E1; sh -c 'echo [$E1]'
x=5; f() { x=6; }; f; echo $x
y=1; { y=2; }; echo $y
z=1; echo z | { read z; }; echo $z
RANDOM=1; echo $RANDOM $RANDOM $RANDOM
RANDOM=42; echo $RANDOM
echo $- 
set -u; echo ${unset_but_default:-ok}; set +u
echo $#
