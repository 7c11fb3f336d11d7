# Error messages and statuses
nosuchcmd; echo $?
./nosuch; echo $?
/etc/passwd; echo $?
cd /nonexistent; echo $?
cd /etc/passwd; echo $?
shift 5; echo $?
[ 1 -lt a ]; echo $?
[ a b ]; echo $?
[ 1 = 1; echo $?
printf '%d\n' abc; echo $?
echo ${x:?} 2>/dev/null; echo unreachable
