# Field splitting and pathname expansion
mkdir -p g && cd g && touch a.txt b.txt c.log .hidden
echo *.txt; echo *; echo .*h*; echo nomatch*; echo "*.txt"; echo '*'
echo [ab].txt [!a]*.txt ?.log
set -f; echo *.txt; set +f
x='*.txt'; echo $x "$x"
IFS=:; v="a:b::c:"; set -- $v; echo $#; for i; do echo "<$i>"; done
IFS=' :'; v=" a : b:c "; set -- $v; echo $#; for i; do echo "<$i>"; done
unset IFS; v="  a   b  "; set -- $v; echo $#
IFS=; v="a b"; set -- $v; echo $#
IFS=' 	
'
for w in $(echo "one two
three"); do echo "[$w]"; done
set -- a "b c" d; for w in "$@"; do echo "<$w>"; done; for w in $@; do echo "($w)"; done
cd ..; rm -r g
