--format yaml -c "list gpus"
# expect exit: 2
