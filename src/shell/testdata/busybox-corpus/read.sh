# read
printf 'a b c\nd\\\ne\nlast' > in.txt
{ read x y; echo "[$x][$y]"; read -r z; echo "[$z]"; read w; echo "[$w] $?"; read v; echo "[$v] $?"; read u; echo "[$u] $?"; } < in.txt
echo "  lead  trail  " | { read a; echo "[$a]"; }
echo "a:b:c" | { IFS=: read a b; echo "[$a][$b]"; }
echo "x" | { read; echo "[$REPLY]"; }
echo "one two" | { read -n 3 p; echo "[$p]"; }
rm in.txt
