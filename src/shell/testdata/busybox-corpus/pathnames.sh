# realpath, readlink (no symlinks in the lab: -f canonicalizes, plain readlink fails), sync, usleep
mkdir -p /tmp/pp-corpus; cd /tmp/pp-corpus; touch x; realpath x; realpath nofile; echo rc=$?; realpath ../pp-corpus/./x /tmp; readlink x; echo rc=$?; readlink -f x; readlink -f nodir/nofile; echo rc=$?; readlink -f nofile; echo rc=$?; sync; echo rc=$?; usleep 1000; echo rc=$?; usleep abc; echo rc=$?
cd /; rm -r /tmp/pp-corpus
