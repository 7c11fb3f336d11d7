# A child shell signalling its own $$: it dies of the signal (the parent says
# how, except for SIGINT and SIGPIPE), or its trap runs, or it ignores it.
sh -c 'kill -9 $$'; echo $?
sh -c 'kill $$; echo after'; echo $?
sh -c 'kill -PIPE $$'; echo $?; sh -c 'kill -INT $$'; echo $?; sh -c 'kill -HUP $$'; echo $?; sh -c 'kill -USR1 $$'; echo $?
sh -c 'trap "echo t" TERM; kill $$; echo after'; echo $?
sh -c 'trap "" TERM; kill $$; echo after'; echo $?
sh -c 'trap "echo exit-trap" EXIT; kill $$; echo after'; echo $?
sh -c 'trap "echo t; exit 3" USR1; kill -USR1 $$; echo after'; echo $?
sh -c 'kill -0 $$ && echo alive'; echo $?
out=$(sh -c 'kill -9 $$'); echo "rc=$? [$out]"
echo end
