--frmat json -c "list gpus"
# expect exit: 2
