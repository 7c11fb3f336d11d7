# Quoting and escapes
echo 'single $HOME `x`' "double $HOSTNAME" \$escaped \"q\" a\ b
echo "a\$b" "back\\slash" "tab\tliteral" 'it'"'"'s'
echo $'ansi\ttab\nnewline' $'\x41\101'
echo "nested $(echo "inner \"quoted\"")"
echo `echo backtick \`echo nested\``
x="  spaced   out  "
echo [$x] ["$x"]
echo "${x}" "$x"x
empty=
echo [$empty] ["$empty"] [${empty}] [""] ['']
set -- "" "" ; echo $#
echo \# not a comment # a comment
echo a#b '#' "#"
echo "multi
line"
