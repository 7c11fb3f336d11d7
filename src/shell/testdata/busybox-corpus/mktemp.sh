# mktemp: templates, -t/-p/$TMPDIR, -d, -u, -q, modes, errors with busybox's null name
# (everything under one directory that is removed at the end)
D=/tmp/mk-corpus; mkdir -p $D/v $D/t; cd $D; export TMPDIR=$D/t
mktemp foo.XXXXXX | sed 's/......$/XXXXXX/'; ls foo.* | wc -l; mktemp -p $D/v | sed 's/......$/XXXXXX/'; mktemp | sed 's/......$/XXXXXX/'; mktemp -t foo.XXXXXX | sed 's/......$/XXXXXX/'; mktemp -u | sed 's/......$/XXXXXX/'; mktemp -d -p . | sed 's/......$/XXXXXX/'
mktemp /nodir/a.XXXXXX; echo rc=$?; mktemp -q /nodir/a.XXXXXX; echo rc=$?; mktemp x.XXXXXXXX | sed 's/........$/YYYYYYYY/'; ls -l $(mktemp) | cut -c1-10; ls -ld $(mktemp -d) | cut -c1-10; mktemp $D/foo.XXXX; echo rc=$?
f=$(mktemp); echo data > "$f"; cat "$f"; rm "$f"; [ -e "$f" ] || echo removed
ls $D/t | wc -l
cd /; rm -r $D
