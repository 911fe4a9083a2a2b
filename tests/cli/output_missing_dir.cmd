# An output that cannot be written says why, before anything runs.
--output /missing/dir/x.txt -c "list vendors"
# expect exit: 2
