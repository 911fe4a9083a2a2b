-c "set prise mi355x 1.8"
# expect exit: 1
