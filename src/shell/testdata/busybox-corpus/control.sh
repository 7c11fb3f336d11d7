# Lists and compound commands
true && echo and1; false && echo and2; false || echo or1; true || echo or2
true && false || echo chain
! true; echo $?; ! false; echo $?
if false; then echo no; elif true; then echo elif; else echo else; fi
if [ 1 -eq 2 ]; then :; else echo else2; fi
i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo w$i; done
i=0; until [ $i -ge 2 ]; do i=$((i+1)); echo u$i; done
for x in a b c; do [ $x = b ] && continue; echo f$x; done
for x in 1 2 3; do for y in 1 2 3; do [ $y = 2 ] && continue 2; [ $x = 3 ] && break 2; echo $x$y; done; done
for x; do echo never; done
case hello in h*o) echo glob;; *) echo star;; esac
case x in a|b) echo ab;; x|y) echo xy;; esac
case "" in "") echo empty;; esac
case 5 in [0-9]) echo digit;; esac
case a.b in *.*) echo dot;; esac
case '*' in \*) echo star-literal;; esac
{ echo group; echo g2; } | cat
(echo sub; exit 3); echo "sub status $?"
x=1; (x=2); echo x=$x
f() { echo "f called with $*"; return 4; }; f a b; echo $?
g() { local v=inner; echo $v; }; v=outer; g; echo $v
h() { echo h; }; h; unset -f h; h 2>/dev/null || echo "h gone"
r() { return; }; false; r; echo r=$?
while true; do break; done; echo after-break
echo $(for i in 1 2; do echo $i; done)
