# bc one-liners: scale and result scales, truncation, .5 without a leading 0, wrapping, errors
echo "scale=2; 10/3" | bc; echo "10/3" | bc -l; echo "1/3" | bc; echo "scale=3; -1/3" | bc; echo "2^10" | bc; echo "2^-1" | bc; echo "scale=4; 2^-1" | bc
echo "5%3" | bc; echo "scale=2; 5%3" | bc; echo "7.5%2" | bc; echo "sqrt(2)" | bc; echo "scale=10; sqrt(2)" | bc; echo "3>2" | bc; echo "1==1; 1!=1" | bc
echo "x=5; x*2" | bc; printf 'x=5\nx+=3\nx\n' | bc; echo "1.50*2" | bc; echo "1.5*1.25" | bc; echo "scale=1; 1.25*1.5" | bc; echo "0.5" | bc; echo "-0.5+0" | bc; echo "-.5" | bc
echo "2^100" | bc; echo "length(123.45); scale(1.234)" | bc; echo "a=2;b=3;a^b+1" | bc; echo '!0; 1&&0; 0||1' | bc; echo "(1+2)*3" | bc; echo "3-5" | bc; echo "scale=2; 1/7*7" | bc
echo "99999999999999999999999999999999999999999999999999999999999999999999999999*9" | bc; echo "2^300" | bc
echo "10/0" | bc; echo rc=$?; echo "1+" | bc; echo rc=$?; echo "a b" | bc; echo rc=$?
echo "2.5^2" | bc; echo "-2^2" | bc; echo "2^3^2" | bc; echo "scale=2; -7%3" | bc; echo "a++" | bc; echo "quit" | bc; echo "1; quit; 2" | bc; echo "scale=2; 0/1" | bc; echo "0.00" | bc; echo ".5*2" | bc; echo "0*1.5" | bc
echo "x" | bc; echo "scale" | bc; echo "scale=3; scale" | bc; echo '"hi\n"' | bc; echo; echo "i=1; i++; i; ++i; --i; i--; i" | bc
for i in 1 2 3; do echo "$i * 1.5" | bc; done; total=0; for n in 1.5 2.25 3; do total=$(echo "$total + $n" | bc); done; echo $total; echo "scale=2; 100 * 37 / 120" | bc
seq 5 | paste -sd+ | bc; echo "sqrt(16); sqrt(0.25); scale=3; sqrt(10)" | bc; echo "3 < 2 + 2" | bc; echo "x = 2 + 3; x" | bc
printf '1+1\n\n2*3 # comment\n/* c */ 4\n' | bc; echo "1 + \\
2" | bc
echo "$(printf "1%.0s" $(seq 69))" | bc; echo "$(printf "1%.0s" $(seq 68))" | bc
