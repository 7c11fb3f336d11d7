# printf's floating point and integer edges (glibc rounding: half to even on the exact value)
printf '%.3d|%3.1f|%e\n' 5 2.25 0
printf '%.0f %.1f %.2f\n' 2.5 0.05 1.005
printf '%e %e %.2e %g %g %.3g\n' 12345.678 0.000123456 9.995 123456789 0.1 2.5e-5
printf '%.1f %.1f %.1f %.2f\n' 0.25 0.35 0.45 2.675
printf '%g %g %G %#g\n' 1e-5 123456 1e100 1.5
printf '%f %f %.10f %e\n' 1e20 -0.0 0.1 -123.456
printf '%g %g %g %g %g\n' 0 -0 100 1e6 999999.5
printf '%08.3f|%-8.2e|%+g\n' 3.14159 1234.5 2
printf '%d %d\n' 9223372036854775807 9223372036854775808
printf '%u %x\n' 18446744073709551615 18446744073709551616
printf '%u\n' -1
printf '%x %o %X\n' -1 -1 255
printf '%i\n' 0x1f 017 -0x2
printf '%5b|\n' ab
printf '%s\n' "$(printf '%05.1f' 3.14159)"
printf '%c|%c|\n' "" abc
# Widths and precisions count bytes of UTF-8, as the C library's printf does.
v="안녕하세요"; printf '%-12s|\n' "$v"; printf '%18s|\n' "$v"; printf '%.3s|\n' "$v"; printf '%-8.6s|\n' "$v"; printf '%s|%3s|\n' é é
printf '%-10s %5s\n' "이름" "나이"; printf '%-10s %5s\n' "kim" "30"
awk 'BEGIN { printf "%-8s|%8s|%.3s|\n", "가나", "가나", "가나다" }'; echo "한글 abc" | awk '{ printf "%-10s|\n", $1; print length($1), substr($1, 1, 3) }'
