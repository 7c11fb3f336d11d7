# set -x
set -x
echo "a b" c ''
x=1 y="two words"
z=$(echo sub)
f() { echo in-f; }
f arg
for i in 1; do :; done
[ 1 = 1 ]
echo 'it'"'"'s' '*' in
set +x
echo done
