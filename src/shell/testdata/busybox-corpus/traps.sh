# trap and exit
trap 'echo exiting $?' EXIT
trap 'echo int' INT
trap
trap - INT
trap
f() { echo in-f; exit 7; }
(trap 'echo sub-exit' EXIT; echo in-sub)
echo before
f
echo not-reached
