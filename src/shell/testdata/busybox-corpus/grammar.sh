# Grammar corners
echo {a,b} {echo} {}
x=1; [ $x = 1 ] && { echo yes; }
echo a\
b
echo "a\
b"
echo 'a\
b'
echo $(( 1 + 2 # comment
))
x=5 # comment
echo $x#not
echo if then fi; echo !
case "x y" in "x y") echo q;; esac; case abc in *b*) echo mid;; esac
case ab in a\*|ab) echo alt;; esac
case "[" in \[) echo br;; esac
case a in [!b]) echo neg;; esac; case b in [^b]) echo no;; *) echo yes;; esac
case a in (a) echo paren-pattern;; esac
while :; do while :; do break 5; done; done; echo out
for i in 1 2; do continue 3; echo no; done; echo ok
break; echo after-break-outside
eval "echo a; echo b"; eval x=1; echo $x; eval "if true; then echo c; fi"
set -- -a -b val -c; while getopts ab:c o; do echo "$o ${OPTARG:-}"; done; echo $OPTIND
getopts x o -y; echo "$? $o"
while getopts :b: o -b; do echo "$o $OPTARG"; done
command echo hi; command -v echo; command -v nosuch; echo $?
f() { echo func; }; command f; echo $?
alias x=echo
x hi
(exec 2>&1; echo x >&2) | cat
