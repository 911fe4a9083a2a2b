-c "compare precision fp4 vs fp9 on mi355x model dsr1"
# expect exit: 1
