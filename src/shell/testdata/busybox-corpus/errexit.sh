# set -e and its exceptions
set -e
false || echo or-ok
if false; then :; fi
! true
false && echo no
x=$(false; echo subst-continues)
echo "x=$x"
f() { false; echo f-continues-in-condition; }
if f; then echo f-ok; fi
set +e
(set -e; false; echo not-printed); echo "subshell status $?"
set -e
echo last
false
echo never
