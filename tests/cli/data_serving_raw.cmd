--data {data}/serving-raw -c "list sources" -c "list gpus"
# expect exit: 2
