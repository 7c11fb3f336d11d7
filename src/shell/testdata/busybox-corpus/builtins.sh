# echo, printf, test
echo -n no-newline; echo
echo -e 'a\tb\nc' -E; echo -e '\0101\101\x42\c ignored'; echo
echo -- -n; echo -n -e 'x\n'; echo -ne 'y\n'; echo -nx
printf '%s-%s\n' a b c d e
printf '%5s|%-5s|%.2s|%c\n' ab cd efgh ijk
printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 3
printf '%05d|%-5d|%+d|% d|%#x|%#o\n' 42 42 42 42 255 8
printf '%f %.2f %e %g %G\n' 3.14159 2.5 12345.678 0.0001 1e20
printf '%b\n' 'a\tb' '\0101'
printf 'no args %s|%d\n'
printf '%s\n' "'A" ; printf '%d\n' "'A" ' 12'
printf '%*d|%-*d|\n' 6 42 4 7
printf 'x\ty\n'
test -z "" && echo z; test -n "a" && echo n; test a = a && echo eq; test a != b && echo ne
[ 5 -gt 3 ] && echo gt; [ 3 -le 3 ] && echo le; [ -5 -lt 0 ] && echo neg
[ ! -e /nonexistent ] && echo not-exists; [ -d / ] && echo dir; [ -f /etc/passwd ] && echo file
[ a = a -a b = b ] && echo both; [ a = b -o b = b ] && echo either; [ \( a = a \) ] && echo paren
[ "" ] || echo empty-false; [ x ] && echo nonempty
[[ abc == a* ]] && echo dbl-glob; [[ abc == "a*" ]] || echo dbl-quoted
[[ abc =~ ^a.c$ ]] && echo regex
true; echo $?; false; echo $?; :; echo $?
type echo; type :; type if; type nosuchthing; echo $?
