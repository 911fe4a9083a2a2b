--data {data} -c "list sources"
# expect exit: 2
