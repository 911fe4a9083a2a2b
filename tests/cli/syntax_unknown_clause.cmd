-c "compare precision fp4 vs fp8 on mi355x modle dsr1"
# expect exit: 1
