# -D of a parameter the script neither declares nor uses: an error naming its parameters, before anything runs.
-D targ=90 -f {case_dir}/../golden/let_param.icq
# expect exit: 2
