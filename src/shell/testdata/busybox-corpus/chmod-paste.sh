# chmod (octal, symbolic, -R, X, copies, special bits as ls shows them) and paste (-s, -d, files ending early, - twice)
printf '' | paste -s | wc -c; printf 'a\nb' | paste -s -d, ; printf 'a\nb\nc\n' | paste -d ',;' - - ; printf 'a\nb\nc\n' | paste -sd '\t,'; printf '1\n2\n3\n' > x; printf 'a\n' > y; paste x y; paste -d '' x y; echo rc=$?; paste x nofile; echo rc=$?; paste -s x y; seq 5 | paste -sd+; seq 6 | paste - - -
touch z; chmod -x,g+w z; ls -l z | cut -c1-10; chmod u=rwx,go= z; ls -l z | cut -c1-10; chmod +w,+x z; ls -l z|cut -c1-10; chmod a-w z; ls -l z | cut -c1-10; chmod go=u z; ls -l z | cut -c1-10; chmod 4755 z; ls -l z | cut -c1-10; chmod +t,g+s z; ls -l z | cut -c1-10; chmod 644 z; ls -l z | cut -c1-10
mkdir -p d/e; touch d/f; chmod -R 700 d; ls -ld d d/e d/f | cut -c1-10; chmod -R a+X d; ls -ld d/e d/f | cut -c1-10; chmod o+rX,u-x d/f; ls -l d/f | cut -c1-10
printf 'echo hi from script\n' > s.sh; chmod +x s.sh; ./s.sh; echo rc=$?; chmod -x s.sh; ./s.sh; echo rc=$?
ls -ld /tmp | cut -c1-10
