--data /nonexistent/path -c "list gpus"
# expect exit: 2
