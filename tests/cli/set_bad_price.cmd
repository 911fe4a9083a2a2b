-c "set price mi355x cheap"
# expect exit: 1
