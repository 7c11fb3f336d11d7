# test / [ edge cases
[ -n "" -o -z "" ]; echo $?
[ "(" = "(" ]; echo $?
[ ! -n "" ]; echo $?
[ -e ]; echo $?
[ = ]; echo $?
[ a = b = c ]; echo $?
[ 1 -eq 1 -a ]; echo $?
test ! ; echo $?
test -z; echo $?
[ a \< b ]; echo $?; [ b \> a ]; echo $?
[ 0 -eq -0 ]; echo $?
[ " 1 " -eq 1 ]; echo $?
[ 1 -eq "" ]; echo $?
test x -a; echo $?
[ \( ]; echo $?
[ \( a ]; echo $?
[ -f /etc/passwd -a -d /etc ]; echo $?
[ /etc/passwd -nt /nonexist ]; echo $?
[ -t 0 ]; echo $?
[ 99999999999999999999 -gt 1 ]; echo $?
[ 0x10 -eq 16 ]; echo $?
[ 010 -eq 10 ]; echo $?
[[ a =~ [ ]]; echo $?
