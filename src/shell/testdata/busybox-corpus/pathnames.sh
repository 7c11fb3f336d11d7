# realpath, readlink (no symlinks in the lab: -f canonicalizes, plain readlink fails), sync, usleep
mkdir -p /tmp/pp; cd /tmp/pp; touch x; realpath x; realpath nofile; echo rc=$?; realpath ../pp/./x /tmp; readlink x; echo rc=$?; readlink -f x; readlink -f nodir/nofile; echo rc=$?; readlink -f nofile; echo rc=$?; sync; echo rc=$?; usleep 1000; echo rc=$?; usleep abc; echo rc=$?
