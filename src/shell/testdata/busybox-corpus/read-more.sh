# read: IFS, backslashes, -r, -n, here-documents
echo a | { read x; echo $x; }; echo "a b c" | { read x y z w; echo "$x|$y|$z|$w"; }
IFS=, read a b <<EOF
1,2,3
EOF
echo "$a|$b"
read x <<EOF
  spaces  
EOF
echo "[$x]"
IFS= read -r x <<EOF
  raw \n  
EOF
echo "[$x]"
read -r a b <<EOF
a\ b c
EOF
echo "[$a][$b]"
read a b <<EOF
a\ b c
EOF
echo "[$a][$b]"
read a <<EOF
line1\
line2
EOF
echo "[$a]"
echo abc | { read -n 2 x; echo $x; read y; echo $y; }
read; echo $?
