# Pipelines
echo hello | cat
printf 'b\na\nc\n' | tail -n 2 | head -n 1
yes | head -n 3
seq 1 5 | while read n; do echo "n=$n"; done
echo x | false; echo $?
false | true; echo $?
set -o pipefail; false | true; echo $?; set +o pipefail
echo a | (read v; echo "in sub $v")
echo last | { cat; echo more; }
cat /etc/passwd | head -n 1 | grep -o '^root'
echo "$(echo piped | cat)"
