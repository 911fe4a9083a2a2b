--format json --no-bail -c "list models" -c "compare precision fp9 vs fp8" -c "describe gpu b200"
# expect exit: 1
