# Redirections and here-documents
echo one > f1; echo two >> f1; cat f1
cat < f1 | wc -l
echo err 1>&2 2>/dev/null
{ echo out; echo err >&2; } 2>&1 | cat
echo to-null > /dev/null; echo $?
cat <<EOF
plain $HOSTNAME $((1+1)) `echo bt`
	tab kept
EOF
cat <<'EOF'
quoted $HOSTNAME `x`
EOF
cat <<-EOF
	stripped
		one tab left
	EOF
cat <<A; cat <<B
first
A
second
B
x=$(cat <<EOF
in subst
EOF
); echo "$x"
exec 3>f3; echo via3 >&3; exec 3>&-; cat f3
cat < nonexist; echo $?
echo x > nodir/f; echo $?
echo hi &> f4; cat f4
echo c >| f5; cat f5
while read line; do echo "got $line"; done < f1
read a b < f1; echo "$a/$b"
rm f1 f3 f4 f5
