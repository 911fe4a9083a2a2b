-c "points on mi355x model dsr1 show thruput"
# expect exit: 1
