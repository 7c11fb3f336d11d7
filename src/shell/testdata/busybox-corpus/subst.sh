# Command substitution
x=$(echo a; echo; echo; ); echo "[$x]"
y=`printf 'no newline'`; echo "[$y]"
z=$(false); echo $?
echo $(echo $(echo nested))
n=$(printf '%s\n' 1 2 3 | wc -l); echo $n
echo "$(printf 'keep\n\ninner\n')"
v=$(exit 5); echo $?
echo $( (echo subshell-in-subst) )
echo $(( $(echo 2) * 3 ))
