# --format json is one array per run whatever the number of results: one statement is an array of one.
--format json -c "describe gpu b200"
