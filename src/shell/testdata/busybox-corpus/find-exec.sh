# find -exec: per path with ; (its status is the test's result), batched with +,
# {} inside words, a missing command, and output in order with find's own prints.
mkdir -p w/sub; echo 1 > w/x; echo 22 > w/sub/y; echo 333 > w/z.log
find w -exec echo {}; echo rc=$?
find w -name x -exec echo got {} \; -print
find w -type f -exec false \; -print; echo rc=$?
find w -type f -exec sh -c 'exit 3' {} +; echo rc=$?
find w -name x -exec nosuchcmd {} \; ; echo rc=$?
find w -maxdepth 1 -name 'x*' -exec echo a{}b \;
find w -type f -exec cat {} \; | sort
find w -type f -exec echo files: {} + | wc -w
find w -name '*.log' -exec rm {} \; ; ls w
find w -name x -print -exec wc -c {} \;
find w -type f -name x -exec sh -c 'echo "in $1"' _ {} \;
find w -name nothing -exec echo {} +; echo rc=$?
